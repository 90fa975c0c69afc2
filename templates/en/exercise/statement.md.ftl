[#ftl strip_whitespace=true]
[#-- One exercise's statement in Markdown: its layer and the values handed out. Included by
     exercises.md.ftl and solutions.md.ftl with ex (ExerciseSheet.Item) assigned. Never reads
     ex.answers, so the student sheet can include it. --]
[#macro dims d][#list d as v][=v][#sep] \times [/#list][/#macro]
[#macro grids list][#list list as g][=g.label] = [=g.matrix][#sep], \quad [/#list][/#macro]
[#assign l = ex.layer]
## Exercise [=ex.number]

A convolution layer computes [#if l.crossCorrelation]a cross-correlation (the operation deep
learning frameworks call convolution)[#else]a true convolution (the kernel is flipped before it
slides)[/#if] of an input $X$ of size $[@dims l.input/]$ with a kernel $F$ of size
$[@dims l.kernel/]$[#if l.strided], with stride $[@dims l.stride/]$[/#if][#if l.dilated], with
dilation $[@dims l.dilation/]$[/#if][#if l.padded][#if l.symmetricPadding], with zero padding
$[@dims l.padBefore/]$ on each side[#else], with zero padding $[@dims l.padBefore/]$ before and
$[@dims l.padAfter/]$ after[/#if][/#if][#if l.channelsIn > 1 || l.channelsOut > 1], from
[=l.channelsIn] input [#if l.channelsIn == 1]channel[#else]channels[/#if] to
[=l.channelsOut] output [#if l.channelsOut == 1]channel[#else]channels[/#if][/#if][#if l.groups > 1]
in [=l.groups] groups[/#if][#if l.batch > 1], on a batch of [=l.batch][/#if][#if l.bias], with a
bias $b$ per output channel[/#if]. The output $O$ has size $[@dims l.output/]$[#if l.channelsOut > 1]
per channel[/#if], and $L$ is a loss computed from $O$.

Indices start at 1, row before column[#if l.showBatch || l.showChannelIn || l.showChannelOut].
Leading indices name [#if l.showBatch]the sample, then [/#if]the channel[#if l.showFilterChannelIn
|| l.showChannelOut]; a filter element is indexed by output channel[#if l.showFilterChannelIn],
then input channel[/#if][/#if][/#if][#if !l.compact], separated by commas[/#if].[#if l.showBatch || l.showChannelIn || l.showChannelOut] Dots stand for
the axes a grid shows.[/#if] The values:

$$
\begin{gathered}
[@grids ex.given.x/] \\
[@grids ex.given.f/] \\
[@grids ex.given.g/][#nt]
\end{gathered}
$$

