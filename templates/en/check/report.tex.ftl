[#-- The LaTeX report of check. Interpolations are escaped; formulas pass with ?no_esc. --]
\documentclass{article}
\usepackage{amsmath}
\usepackage[T1]{fontenc}
\begin{document}
\section*{Checked claims: [=source]}

Layer: input [=layer.input], kernel [=layer.kernel], stride [=layer.stride], padding [=layer.padding], dilation [=layer.dilation], channels [=layer.channelsIn] to [=layer.channelsOut][#if layer.groups > 1] in [=layer.groups] groups[/#if], batch [=layer.batch][#if layer.bias], with bias[/#if]; [=layer.convention].

\textbf{[=correct] of [=total] claim[#if total != 1]s[/#if] hold[#if total == 1]s[/#if].}[#if problems?has_content] [=problems?size] line[#if problems?size != 1]s[/#if] could not be read.[/#if]

[#list claims as c]
\subsection*{Line [=c.line]: [#if c.holds]correct[#else]wrong[/#if]}

\begin{verbatim}
[=c.text?replace("\\end{verbatim}", "")?no_esc]
\end{verbatim}

[#if c.holds && c.whole]
All [=c.elementsCompared] elements agree with the derivation, term for term.

[/#if]
[#if c.shapeDiffers]
The right-hand side has axes and sizes [=c.claimedShape], but $[=c.targetTex?no_esc]$ has [=c.trueShape].

[/#if]
[#if c.whole && !c.holds && !c.shapeDiffers]
[=c.wrongCount] of [=c.elementsCompared] elements differ from the derivation.

[/#if]
[#if c.elements?has_content]
\begin{itemize}
[#list c.elements as e]
\item $[=e.targetTex?no_esc] = [=e.truthTex?no_esc]$ by the derivation.
[#if e.hasMissing]
  Missing: $[=e.missingTex?no_esc]$.
[/#if]
[#if e.hasExtra]
  Extra: $[=e.extraTex?no_esc]$.
[/#if]
[#if e.hasCounterexample]
  With [#list e.values as v]$[=v.nameTex?no_esc] = [=v.value]$[#sep], [/#list] the claim gives [=e.claimed] and the truth is [=e.truth].
[/#if]
[/#list]
[#if c.unlisted > 0]
\item \ldots{} and [=c.unlisted] more elements.
[/#if]
\end{itemize}
[/#if]

[/#list]
[#if problems?has_content]
\subsection*{Lines that could not be read}
\begin{itemize}
[#list problems as p]
\item Line [=p.line], column [=p.column]: [=p.message]
[/#list]
\end{itemize}
[/#if]
\end{document}
