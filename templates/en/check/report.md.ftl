[#-- The Markdown report of check. --]
# Checked claims: [=source]

Layer: input [=layer.input], kernel [=layer.kernel], stride [=layer.stride], padding [=layer.padding], dilation [=layer.dilation], channels [=layer.channelsIn] to [=layer.channelsOut][#if layer.groups > 1] in [=layer.groups] groups[/#if], batch [=layer.batch][#if layer.bias], with bias[/#if]; [=layer.convention].

**[=correct] of [=total] claim[#if total != 1]s[/#if] hold[#if total == 1]s[/#if].**[#if problems?has_content] [=problems?size] line[#if problems?size != 1]s[/#if] could not be read.[/#if]

[#list claims as c]
## Line [=c.line]: [#if c.holds]correct[#else]wrong[/#if]

$$[=c.text]$$

[#if c.holds && c.whole]
All [=c.elementsCompared] elements agree with the derivation, term for term.

[/#if]
[#if c.shapeDiffers]
The right-hand side has axes and sizes [=c.claimedShape], but $[=c.targetTex]$ has [=c.trueShape].

[/#if]
[#if c.whole && !c.holds && !c.shapeDiffers]
[=c.wrongCount] of [=c.elementsCompared] elements differ from the derivation.

[/#if]
[#list c.elements as e]
- $[=e.targetTex] = [=e.truthTex]$ by the derivation.
[#if e.hasMissing]
  Missing: $[=e.missingTex]$.
[/#if]
[#if e.hasExtra]
  Extra: $[=e.extraTex]$.
[/#if]
[#if e.hasCounterexample]
  With [#list e.values as v]$[=v.nameTex] = [=v.value]$[#sep], [/#list] the claim gives [=e.claimed] and the truth is [=e.truth].
[/#if]
[/#list]
[#if c.unlisted > 0]
- ... and [=c.unlisted] more elements.
[/#if]

[/#list]
[#if problems?has_content]
## Lines that could not be read

[#list problems as p]
- Line [=p.line], column [=p.column]: [=p.message]
[/#list]
[/#if]
