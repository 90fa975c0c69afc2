[#ftl strip_whitespace=true]
[#-- The solutions in LaTeX: each exercise's statement and questions, with the answers under
     the questions. Data: sheet (ExerciseSheet). Formula markup arrives built and is printed
     with ?no_esc; every other interpolation is escaped. --]
[#macro dims d][#list d as v][=v][#sep] \times [/#list][/#macro]
[#macro equation e]
\begin{align*}
[#list e.rows as r][#if r?is_first][=e.lhs?no_esc] &= [#else] \\
  &\quad [/#if][=r?no_esc][/#list]
\end{align*}
[/#macro]
[#macro answer part]
[#assign a = ex.answers]
\textbf{Answer.}
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
\begin{itemize}
[#if ex.layer.strided]
\item Stride: first insert zeros between neighbouring elements of
$\frac{\partial L}{\partial O}$ ($[@dims a.strideGaps/]$ per axis: it is dilated by the stride), so that each gradient sits where its
output was computed.
[/#if]
[#if ex.layer.dilated]
\item Dilation: the filter is dilated by $[@dims ex.layer.dilation/]$ as in the forward
pass.
[/#if]
\item Full: pad that gradient with zeros on each side, $[@dims a.fullPadding/]$ per axis (the kernel's
span less one), so that every position where kernel and gradient overlap is counted.
[#if a.hasUnread]
\item The forward pass never reaches the last rows or columns of the padded
input ($[@dims a.unread/]$ per axis): their gradient is 0, so extend the result by that many
zeros at the end.
[/#if]
[#if ex.layer.padded]
[#if ex.layer.symmetricPadding]
\item Crop $[@dims ex.layer.padBefore/]$ per axis from each side: those positions are the zero padding,
not elements of $X$.
[#else]
\item Crop $[@dims ex.layer.padBefore/]$ from the start and $[@dims ex.layer.padAfter/]$ from
the end: those positions are the zero padding, not elements of $X$.
[/#if]
[/#if]
\end{itemize}
In the syntax of \texttt{convderiv check}: \texttt{[=a.form]}
[#if !a.formProved]

\textbf{Warning: the derivation could not confirm this form element by element.}
[/#if]
[#else]
\begin{gather*}
[#list a.values as g][=g.label?no_esc] = [=g.matrix?no_esc][#sep], \quad [/#list]
\end{gather*}
[/#if]
[/#macro]
\documentclass[11pt,a4paper]{article}
\usepackage[margin=2cm]{geometry}
\usepackage{amsmath}
\usepackage{amssymb}
\allowdisplaybreaks
\setcounter{MaxMatrixCols}{20}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6em}
% The text bullet would need a TS1 bitmap font on a minimal TeX Live; the math one is Type 1.
\renewcommand{\labelitemi}{$\bullet$}
\begin{document}
\begin{center}
{\Large Solutions: the backward pass of a convolution layer}\\[0.5em]
Sheet [=sheet.seed?c], not for students
\end{center}

Every answer below was derived symbolically by convderiv and checked against an independent
numeric backward pass at the given values. The answer key of exercise $k$ for
\texttt{convderiv check} is the file \texttt{answers-$k$.txt} beside this one.

[#list sheet.exercises as item]
[#assign ex = item]
[#include "statement.tex.ftl"]
[#include "questions.tex.ftl"]
[#if item?has_next]
\bigskip
[/#if]
[/#list]
\end{document}
