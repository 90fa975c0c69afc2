[#ftl strip_whitespace=true]
[#-- The four questions of one exercise, with ex (ExerciseSheet.Item) assigned. Never reads
     ex.answers. A solution template prints its answer under each question via the macro
     answer, which it defines; the student sheet defines it to print nothing. --]
[#assign q = ex.questions]
\begin{enumerate}
\item[(a)] Write out $[=q.output?no_esc]$ as a sum of products of elements of $X$ and
$F$[#if ex.layer.bias] (and $b$)[/#if].
[@answer "a"/]
\item[(b)] Give $[=q.filterGradient?no_esc]$ and $[=q.inputGradient?no_esc]$ in terms of the
elements of $\frac{\partial L}{\partial O}$ and of $X$ or $F$.
[@answer "b"/]
\item[(c)] $\frac{\partial L}{\partial X}$ as a whole is a convolution. Of which two tensors?
Say whether the filter is rotated[#if ex.layer.strided], what the stride does to
$\frac{\partial L}{\partial O}$,[/#if] and how much zero padding the convolution needs[#if ex.layer.padded],
and what the layer's padding changes[/#if].
[@answer "c"/]
\item[(d)] Evaluate $\frac{\partial L}{\partial X}$ for the values above.
[@answer "d"/]
\end{enumerate}
