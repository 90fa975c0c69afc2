[#ftl strip_whitespace=true]
[#-- The solutions in Markdown with $$ display math: each exercise's statement and questions,
     with the answers under the questions. Data: sheet (ExerciseSheet). Inside $$ blocks every
     line starts with a backslash, an ampersand or $$. --]
[#macro dims d][#list d as v][=v][#sep] \times [/#list][/#macro]
[#macro equation e]
$$
\begin{aligned}
[#list e.rows as r][#if r?is_first][=e.lhs] &= [#else] \\
&\quad [/#if][=r][/#list]
\end{aligned}
$$

[/#macro]
[#macro answer part]
[#assign a = ex.answers]
*Answer.*

[#if part == "a"]
[@equation a.output/]
[#elseif part == "b"]
[@equation a.filterGradient/]
[@equation a.inputGradient/]
[#elseif part == "c"]
[#if ex.layer.crossCorrelation]
The full cross-correlation of $\frac{\partial L}{\partial O}$ with the filter rotated by 180
degrees, $\operatorname{rot}_{180}(F)$: the forward pass slid $F$ unrotated, so going back reads
it the other way round.
[#else]
The full cross-correlation of $\frac{\partial L}{\partial O}$ with $F$ itself, not rotated: the
true convolution already flipped $F$ in the forward pass, and going back flips it once more.
[/#if]
[#if a.sumOverChannels]The results are summed over the output channels that read each input
channel.[/#if]

[#if ex.layer.strided]
- Stride: first insert zeros between neighbouring elements of
  $\frac{\partial L}{\partial O}$ ($[@dims a.strideGaps/]$ per axis: it is dilated by the stride), so that each gradient sits where its
  output was computed.
[/#if]
[#if ex.layer.dilated]
- Dilation: the filter is dilated by $[@dims ex.layer.dilation/]$ as in the forward
  pass.
[/#if]
- Full: pad that gradient with zeros on each side, $[@dims a.fullPadding/]$ per axis (the kernel's span
  less one), so that every position where kernel and gradient overlap is counted.
[#if a.hasUnread]
- The forward pass never reaches the last rows or columns of the padded
  input ($[@dims a.unread/]$ per axis): their gradient is 0, so extend the result by that many
zeros at the end.
[/#if]
[#if ex.layer.padded]
[#if ex.layer.symmetricPadding]
- Crop $[@dims ex.layer.padBefore/]$ per axis from each side: those positions are the zero padding, not
  elements of $X$.
[#else]
- Crop $[@dims ex.layer.padBefore/]$ from the start and $[@dims ex.layer.padAfter/]$ from the
  end: those positions are the zero padding, not elements of $X$.
[/#if]
[/#if]

In the syntax of `convderiv check`: `[=a.form]`

[#if !a.formProved]
**Warning: the derivation could not confirm this form element by element.**

[/#if]
[#else]
$$
\begin{gathered}
[#list a.values as g][=g.label] = [=g.matrix][#sep], \quad [/#list]
\end{gathered}
$$

[/#if]
[/#macro]
# Solutions: the backward pass of a convolution layer

Sheet [=sheet.seed?c], not for students

Every answer below was derived symbolically by convderiv and checked against an independent
numeric backward pass at the given values. The answer key of exercise *k* for `convderiv check`
is the file `answers-k.txt` beside this one.

[#list sheet.exercises as item]
[#assign ex = item]
[#include "statement.md.ftl"]
[#include "questions.md.ftl"]
[/#list]
