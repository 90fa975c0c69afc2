[#ftl strip_whitespace=true]
[#-- The student sheet in LaTeX. Data: sheet (ExerciseSheet without answers). Formula markup
     arrives built and is printed with ?no_esc; every other interpolation is escaped. --]
[#macro answer part][/#macro]
\documentclass[11pt,a4paper]{article}
\usepackage[margin=2cm]{geometry}
\usepackage{amsmath}
\usepackage{amssymb}
\setcounter{MaxMatrixCols}{20}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6em}
\begin{document}
\begin{center}
{\Large Exercises: the backward pass of a convolution layer}\\[0.5em]
Sheet [=sheet.seed?c]
\end{center}

Each exercise gives a small layer and its values. Write every gradient as a sum over the
elements of the upstream gradient $\frac{\partial L}{\partial O}$; a product of two elements is
written side by side, as in $X_{11} F_{11}$.

[#list sheet.exercises as item]
[#assign ex = item]
[#include "statement.tex.ftl"]
[#include "questions.tex.ftl"]

To check answers (a) to (c), write them one per line in plain text (\texttt{O12} for
$O_{12}$, \texttt{dL/dX12} for $\frac{\partial L}{\partial X_{12}}$, a product as two names
side by side, a convolution as \texttt{conv(...)} or \texttt{full\_conv(...)} with
\texttt{rot180(...)}, \texttt{stride=}, \texttt{padding=}) below the line
\begin{center}
\texttt{\% layer: [=ex.layer.header]}
\end{center}
in a file and run \texttt{convderiv check} on that file.
[#if item?has_next]
\bigskip
[/#if]
[/#list]
\end{document}
