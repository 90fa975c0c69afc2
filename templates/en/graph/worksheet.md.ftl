[#-- Chain-rule worksheet in Markdown: $$ display math for GitHub and pandoc. --]
# Backpropagation through a computational graph

The graph computes `[=source]`, one gate per operation:

$$
\begin{aligned}
[#list gates as g]
[=g.definition?replace("=", "&=", "f")][#sep] \\[/#sep]
[/#list]
\end{aligned}
$$
[#if gates?filter(g -> g.generated)?has_content]

Names of intermediate results that the expression does not give are chosen for the worksheet.
[/#if]

We evaluate it at $[=point]$.

## The graph

Each edge carries the value of its source above it (green) and, below it (red), the gradient
of $[=output]$ that flows back along it.

![The computational graph with its values and gradients](graph.svg)

## Forward pass

From left to right, every gate is evaluated on the values of its inputs:

$$
\begin{aligned}
[#list gates as g]
[=g.evaluated?replace("=", "&=", "f")][#sep] \\[/#sep]
[/#list]
\end{aligned}
$$

## Local gradients

Each gate knows only the derivative of its output with respect to each of its inputs,
evaluated at the values of the forward pass:

$$
\begin{aligned}
[#list local as l]
[=l?replace("=", "&=", "f")][#sep] \\[/#sep]
[/#list]
\end{aligned}
$$

## Backward pass

From right to left, the chain rule multiplies the gradient arriving at a gate by its local
gradient; a value read by several gates receives the sum of their contributions:

$$
\begin{aligned}
[#list backward as b]
[=b?replace("=", "&=", "f")][#sep] \\[/#sep]
[/#list]
\end{aligned}
$$

## Numeric check

Central finite differences of $[=output]$, with step $h$ and tolerance [=atol] + [=rtol] times
the numeric value:

| gradient | backward pass | finite difference | step | agrees |
|---|---|---|---|---|
[#list checks as c]
| $[=c.gradient]$ | [=c.backward] | [=c.numeric] | [=c.step] | [#if c.agrees]yes[#if c.kink] (a kink: the one-sided slopes differ, and the backward pass gives one of them)[/#if][#else]**no**[/#if] |
[/#list]
[#if !checksAgree]

At least one gradient disagrees with its finite difference: the point probably lies on a kink
(max, relu) or near a singularity.
[/#if]
[#if claims?has_content]

## Claimed values

[#if claimsConsistent]All claimed values are consistent with each other.[#else]Some claimed values are inconsistent with the others.[/#if]

[#list claims as c]
- [#if c.consistent]consistent[#else]**inconsistent**[/#if]: `[=c.text]`
[/#list]
[/#if]
