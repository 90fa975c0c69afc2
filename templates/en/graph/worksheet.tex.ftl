[#-- Chain-rule worksheet for a scalar computational graph. Formulas arrive as LaTeX markup. --]
\documentclass[11pt]{article}
\usepackage[T1]{fontenc}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath}
\usepackage{tikz}
\usetikzlibrary{arrows.meta}

\begin{document}

\section*{Backpropagation through a computational graph}

The graph computes \texttt{[=source]}, one gate per operation:
\begin{align*}
[#list gates as g]
  [=g.definition?replace("=", "&=", "f")?no_esc][#sep] \\[/#sep]
[/#list]
\end{align*}
[#if gates?filter(g -> g.generated)?has_content]
Names of intermediate results that the expression does not give are chosen for the worksheet.
[/#if]
We evaluate it at \([=point?no_esc]\).

\subsection*{The graph}

Each edge carries the value of its source above it (green) and, below it (red), the gradient
of \([=output?no_esc]\) that flows back along it.

\begin{center}
\begin{tikzpicture}[
    gate/.style={circle, draw, thick, minimum size=9mm, inner sep=1pt},
    leaf/.style={inner sep=2pt},
    val/.style={above, sloped, font=\footnotesize, text=green!50!black},
    grad/.style={below, sloped, font=\footnotesize, text=red!75!black},
    nodename/.style={font=\scriptsize, text=black!60}]
[#list nodes as n]
[#if n.gate]
  \node[gate, label={[nodename]above:\([=n.name?no_esc]\)}] (n[=n.id]) at ([=n.x], [=n.y]) {\([=n.label?no_esc]\)};
[#else]
  \node[leaf] (n[=n.id]) at ([=n.x], [=n.y]) {\([=n.label?no_esc]\)};
[/#if]
[/#list]
[#list edges as e]
  \draw[-{Stealth}] (n[=e.from]) -- node[val] {\([=e.value?no_esc]\)} node[grad] {\([=e.gradient?no_esc]\)} (n[=e.to]);
[/#list]
\end{tikzpicture}
\end{center}

\subsection*{Forward pass}

From left to right, every gate is evaluated on the values of its inputs:
\begin{align*}
[#list gates as g]
  [=g.evaluated?replace("=", "&=", "f")?no_esc][#sep] \\[/#sep]
[/#list]
\end{align*}

\subsection*{Local gradients}

Each gate knows only the derivative of its output with respect to each of its inputs,
evaluated at the values of the forward pass:
\begin{align*}
[#list local as l]
  [=l?replace("=", "&=", "f")?no_esc][#sep] \\[/#sep]
[/#list]
\end{align*}

\subsection*{Backward pass}

From right to left, the chain rule multiplies the gradient arriving at a gate by its local
gradient; a value read by several gates receives the sum of their contributions:
\begin{align*}
[#list backward as b]
  [=b?replace("=", "&=", "f")?no_esc][#sep] \\[/#sep]
[/#list]
\end{align*}

\subsection*{Numeric check}

Central finite differences of \([=output?no_esc]\), with step \(h\) and tolerance
[=atol] + [=rtol] times the numeric value:

\begin{center}
\begin{tabular}{cccc}
  gradient & backward pass & finite difference & agrees \\
  \hline
[#list checks as c]
  \([=c.gradient?no_esc]\) & \([=c.backward?no_esc]\) & \([=c.numeric?no_esc]\) & [#if c.agrees]yes[#if c.kink] (kink)[/#if][#else]NO[/#if] \\
[/#list]
\end{tabular}
\end{center}
[#if !checksAgree]

At least one gradient disagrees with its finite difference: the point probably lies on a kink
(max, relu) or near a singularity.
[/#if]
[#if claims?has_content]

\subsection*{Claimed values}

[#if claimsConsistent]All claimed values are consistent with each other.[#else]Some claimed values are inconsistent with the others.[/#if]
\begin{itemize}
[#list claims as c]
  \item [#if c.consistent]consistent[#else]\textbf{inconsistent}[/#if]: \texttt{[=c.text]}
[/#list]
\end{itemize}
[/#if]

\end{document}
