[#ftl strip_whitespace=true]
[#-- The derive worksheet in Markdown with $$ display math, as GitHub and pandoc render it.
     Data: w (org.convderiv.render.WorksheetModel) and figures (name -> Markdown, empty until
     figures are wired in). Inside $$ blocks every line starts with a backslash, an ampersand or
     $$, so that no Markdown parser reads a line as a list item or a heading. --]
[#assign step = 0]
[#macro heading title][#assign step = step + 1]
## Step [=step]. [=title]
[/#macro]
[#macro dims d][#list d as v][=v][#sep] \times [/#list][/#macro]
[#macro tuple d]([#list d as v][=v][#sep], [/#list])[/#macro]
[#macro display]
$$
[#nested]
$$

[/#macro]
[#macro lines lhs rows][#list rows as r][#if r?is_first][=lhs] &= [#else] \\
&\quad [/#if][=r][/#list]
[/#macro]
[#macro line a][#if w.layer.rank == 2 && a.axis == 2]column[#elseif w.layer.rank == 2]row[#else]position[/#if][/#macro]
[#macro selection listing noun]
[#if listing.partial]
*Showing [=listing.items?size] of [=listing.total] [=noun]; all [=listing.total] are derived and checked.*

[/#if]
[/#macro]
[#macro statement kind]
[#if kind == "filter"]
[#if w.layer.crossCorrelation]
\frac{\partial L}{\partial F} = [#if w.layer.batch > 1]\sum_{n} [/#if][#if w.layer.padded]X_{\mathrm{pad}}[#else]X[/#if] \star \frac{\partial L}{\partial O}[#t]
[#else]
\frac{\partial L}{\partial F} = \operatorname{rot}_{180}\left([#if w.layer.batch > 1]\sum_{n} [/#if][#if w.layer.padded]X_{\mathrm{pad}}[#else]X[/#if] \star \frac{\partial L}{\partial O}\right)[#t]
[/#if]
[#elseif kind == "input"]
\frac{\partial L}{\partial X} = [#if w.layer.channelsOut > w.layer.groups]\sum_{c_{\mathrm{out}}} [/#if]\operatorname{pad}\left(\frac{\partial L}{\partial O}\right) \star [#if w.layer.crossCorrelation]\operatorname{rot}_{180}(F)[#else]F[/#if][#t]
[#else]
\frac{\partial L}{\partial b} = \sum_{[#if w.layer.batch > 1]n, [/#if]\text{positions}} \frac{\partial L}{\partial O}[#t]
[/#if]
[/#macro]
[#-- Grids side by side, or one per line once a grid is shown with dots (it is wide). --]
[#macro gap grid][#if grid.elided]\\[#else]\qquad[/#if][/#macro]
[#macro brk grid][#if grid.elided]\\[/#if][/#macro]
[#macro valueTable rows tensor]
Gradient with respect to $[=tensor]$, evaluated:

[@selection rows "elements"/]
| element | symbolic | engine |
|---|---:|---:|
[#list rows.items as row]
| $[=row.element]$ | [=row.symbolic] | [=row.engine] |
[/#list]

[/#macro]
[#macro proof r noun]
[#if r.proved]
Proof: each of the [=r.compared] elements was expanded again from this convolution and compared term by term with the chain-rule result for [=noun]; all [=r.compared] agree exactly.

[#else]
The convolution does **not** reproduce the chain rule: of [=r.compared] elements compared, the first that differs is

[@display]
\begin{aligned}
[=r.mismatchTarget] &= [=r.mismatchDerived] && \text{(chain rule)} \\
&\ne [=r.mismatchRecognized] && \text{(convolution)}
\end{aligned}
[/@display]
[/#if]
[/#macro]
[#-- A figure as a linked SVG file and its caption; nothing when the figure is absent. The alt
     text is plain words, since image descriptions show no math. --]
[#assign figureNo = 0]
[#macro figure name alt]
[#if figures[name]??]
[#assign figureNo = figureNo + 1]
![Figure [=figureNo]: [=alt]]([=figures[name]])

*Figure [=figureNo].* [#nested]

[/#if]
[/#macro]
[#macro outputList][#list w.figureNotes.windowOutputs as o]$[=o]$[#sep], [/#sep][/#list][/#macro]
# Backpropagation through a convolution layer[#if w.name??]: [=w.name][/#if]

> **Convention and notation.**
> The layer computes a *cross-correlation*, which deep learning calls convolution: the filter slides over the input without being flipped.
[#if !w.layer.crossCorrelation]
> This worksheet uses the *true convolution* instead: the filter is rotated by 180 degrees before it slides.
[/#if]
> We write $\star$ for the [#if w.layer.crossCorrelation]cross-correlation[#else]true convolution[/#if] and
>
> - $X$ for the input, $F$ for the filter[#if w.layer.bias], $b$ for the bias[/#if], $O$ for the output, and $L$ for the loss, whose gradient $\frac{\partial L}{\partial O}$ arrives from the next layer[#if !w.notation.fraction]; its element $[=w.notation.gradient]$ stands for $\frac{\partial L}{\partial [=w.notation.output]}$[/#if];
> - indices count from 1, row before column: $[=w.notation.input]$ is the first element of $X$;
[#if w.notation.compact]
> - every size is below 10, so the digits of an index are written together ($[=w.notation.input]$); from size 10 on they would be separated by commas ($[=w.notation.longIndex]$);
[#else]
> - a size reaches 10, so every index separates its digits with commas ($[=w.notation.longIndex]$);
[/#if]
[#if w.notation.showBatch || w.notation.showChannelIn || w.notation.showChannelOut]
> - leading indices name[#if w.notation.showBatch] the sample of the batch[/#if][#if w.notation.showChannelIn || w.notation.showChannelOut] the channels[/#if], before the position;
[/#if]
> - $\frac{\partial L}{\partial F_{ij}}$ is the derivative of the loss with respect to one element; $\frac{\partial L}{\partial F}$ is the grid of all of them.

[@heading "Setup"/]

The layer has an input of size $[@dims w.layer.input/]$, a filter of size $[@dims w.layer.kernel/]$, stride $[@tuple w.layer.stride/]$, dilation $[@tuple w.layer.dilation/]$ and padding [=w.layer.padding][#if w.layer.batch > 1], a batch of [=w.layer.batch][/#if][#if w.layer.channelsIn > 1 || w.layer.channelsOut > 1], [=w.layer.channelsIn] input and [=w.layer.channelsOut] output channels[/#if][#if w.layer.groups > 1] in [=w.layer.groups] groups[/#if][#if w.layer.bias], and a bias[/#if].
[#if w.layer.shortenedSums]
Sums of more than [=sumTerms] terms show their first [=sumTerms - 2] terms and their last one, with dots between; every term is derived and proved, and report.json holds them all.

[/#if][#list w.layer.sizes as a][#if a.padBefore != a.padAfter]
[#if w.layer.padding == "same"]With padding *same* the output keeps the input's size, which needs [=a.padBefore + a.padAfter] zero [@line a/][#if a.padBefore + a.padAfter != 1]s[/#if] in all on axis [=a.axis], an odd number: as in PyTorch, the extra one goes after the input (at the [#if w.layer.rank == 2][#if a.axis == 1]bottom[#else]right[/#if][#else]end[/#if]), so [=a.padBefore] before and [=a.padAfter] after.[#else]On axis [=a.axis] the padding is uneven: [=a.padBefore] before the input and [=a.padAfter] after it.[/#if]

[/#if][/#list][#if w.setup.sliced]
The grids below show the first sample and the first channels.
[/#if]

[@display]
\begin{gathered}
X = [=w.setup.x.matrix], [@gap w.setup.x/] F = [=w.setup.f.matrix]
\end{gathered}
[/@display]
The output size on each axis is $\left\lfloor \frac{n + p_{\mathrm{before}} + p_{\mathrm{after}} - d\,(k - 1) - 1}{s} \right\rfloor + 1$:

[@display]
\begin{aligned}
[#list w.layer.sizes as a]
&\text{axis [=a.axis]:} \quad \left\lfloor \frac{[=a.input] + [=a.padBefore] + [=a.padAfter] - [=a.dilation] \cdot ([=a.kernel] - 1) - 1}{[=a.stride]} \right\rfloor + 1 = \left\lfloor \frac{[=a.reach]}{[=a.stride]} \right\rfloor + 1 = [=a.output][#sep] \\[/#sep]
[/#list]
\end{aligned}
[/@display]
[#list w.layer.sizes as a][#if a.unread > 0]
On axis [=a.axis] the division leaves a remainder of [=a.unread]: the last [=a.unread] position(s) of the padded input never meet the filter.[#if a.unread > a.padAfter] [=a.unread - a.padAfter] of them [#if a.unread - a.padAfter == 1]is an input [@line a/][#else]are input [@line a/]s[/#if][#if a.padAfter > 0] (the others are padding)[/#if], so [#if a.unread - a.padAfter == 1]its[#else]their[/#if] gradient will be 0.[#else] They all lie in the padding, so every input [@line a/] still gets a gradient.[/#if]

[/#if][/#list]
[@display]
\begin{gathered}
O = [=w.setup.o.matrix], [@gap w.setup.o/] \frac{\partial L}{\partial O} = [=w.setup.g.matrix]
\end{gathered}
[/@display]
[#if figures.window??]
[#assign n = w.figureNotes]
[@figure "window" "the input with the window of each drawn output element shaded"]
[#if n.windowCropped]The top left $[@dims n.windowCorner/]$ corner of the $[@dims n.inputShape/]$ [#else]The [/#if][#if w.layer.padded]padded [/#if]input $X$[#if w.layer.padded] (the padding is grey)[/#if], once for each of the output elements [@outputList/]: the shaded cells form the window that produces it[#if w.layer.dilated], and the frame marks its reach, the dilated filter skipping the cells in between[/#if].[#if n.windowOutputs?size < n.outputs] The windows of [=n.windowOutputs?size] of the [=n.outputs] output elements are drawn; the others follow by moving the window [#if w.layer.strided]by the stride $[@tuple w.layer.stride/]$[#else]one cell at a time[/#if].[/#if]
[/@figure]
[/#if]
[@heading "Forward pass, element by element"/]

Each output element is the filter laid over one window of the input, multiplied element-wise and summed[#if w.layer.bias], plus the bias[/#if].

[@selection w.forward "output elements"/]
[#list w.forward.items as e]
[@display]
\begin{aligned}
[@lines e.lhs e.rows/]
\end{aligned}
[/@display]
[/#list]
[@heading "Local gradients"/]

Each output element is a sum of products, so its derivative with respect to one filter element is the input element that multiplies it, and the other way round. Only the nonzero local gradients are listed; every other one is 0.

[#list w.local as g]
### ([=g.label]) With respect to $[=g.tensor]$

[@selection g.outputs "output elements"/]
[#list g.outputs.items as e]
[@display]
\begin{gathered}
[#list e.rows as r][=r][#sep] \\
[/#sep][/#list]
\end{gathered}
[/@display]
[/#list]
[/#list]
[@heading "The chain rule"/]

The loss depends on a filter or input element only through the output elements that contain it, so

[@display]
\frac{\partial L}{\partial F_{ij}} = \sum_{k} \frac{\partial L}{\partial O_{k}} \cdot \frac{\partial O_{k}}{\partial F_{ij}}, \qquad \frac{\partial L}{\partial X_{ij}} = \sum_{k} \frac{\partial L}{\partial O_{k}} \cdot \frac{\partial O_{k}}{\partial X_{ij}}[#if w.layer.bias], \qquad \frac{\partial L}{\partial b} = \sum_{k} \frac{\partial L}{\partial O_{k}} \cdot \frac{\partial O_{k}}{\partial b}[/#if].
[/@display]
For each element we write the sum over the outputs that contain it, then substitute the local gradients of the previous step.

[#list w.chain as c]
### Gradient with respect to $[=c.tensor]$

[@selection c.steps "elements"/]
[#list c.steps.items as s]
[@display]
\begin{aligned}
[#if s.contributions == 0]
[=s.lhs] &= 0 && \text{(no output element reads it)}
[#else]
[@lines s.lhs s.expanded/]
[#list s.substituted as r][#if r?is_first]\\ &= [#else] \\
&\quad [/#if][=r][/#list]
[/#if]
\end{aligned}
[/@display]
[/#list]
[/#list]
[#if w.filterGradient??]
[#assign r = w.filterGradient]
[@heading "Recognising the filter gradient"/]

Read the sums for $\frac{\partial L}{\partial F}$ again: the element at position $(i, j)$ multiplies the gradient grid with the window of the [#if w.layer.padded]padded [/#if]input that starts at $(i, j)$. That is the forward pass again, with the gradient $\frac{\partial L}{\partial O}$ in the place of the filter:

[@display]
[@statement "filter"/][#nt]
[/@display]
[#if w.layer.batch > 1]
The same filter served all [=w.layer.batch] samples of the batch, so each sample adds its own correlation of its input with its own gradient, and $\frac{\partial L}{\partial F}$ is their sum over $n$.

[/#if]
[#if w.layer.channelsIn > w.layer.groups]
Each filter channel $F_{c_{\mathrm{out}}, c_{\mathrm{in}}}$ met only input channel $c_{\mathrm{in}}$, so its gradient correlates that input channel with the gradient of output channel $c_{\mathrm{out}}$.

[/#if]
[#if w.layer.strided]
Because the forward pass moved with stride $[@tuple w.layer.stride/]$, the gradient acts as a filter dilated by the stride (zeros between its entries)[#if w.layer.dilated], and it slides with a step equal to the dilation $[@tuple w.layer.dilation/]$: stride and dilation swap roles[/#if].

[#elseif w.layer.dilated]
Because the filter was dilated by $[@tuple w.layer.dilation/]$, the gradient slides with that step: stride and dilation swap roles.

[/#if]
[#if !w.layer.crossCorrelation]
Under the true convolution the forward pass read the filter rotated, so the result is rotated back by 180 degrees.

[/#if]
[@display]
\begin{gathered}
[#if w.layer.padded][=r.grids["padded-input"].matrix][#else][=r.grids["input"].matrix][/#if] [@brk r.grids["input"]/] \star [#if w.layer.strided][=r.grids["dilated-gradient"].matrix][#else][=r.grids["gradient"].matrix][/#if]
\end{gathered}
[/@display]
[@figure "dilated-gradient" "the upstream gradient before and after zeros are inserted for the stride"]
$\delta$ stands for $\frac{\partial L}{\partial O}$; $\delta'$ is the same grid with zeros inserted between its entries, [@tuple w.layer.stride/] apart as the stride[#if w.figureNotes.gradientCropped] (the top left corner of a large grid)[/#if].
[/@figure]
In the notation of `convderiv check`: `[=r.text]`.

[@proof r "$\\frac{\\partial L}{\\partial F}$"/]
[/#if]
[#if w.rotation??]
[#assign rot = w.rotation]
[@heading "Rotating the filter"/]

[#if w.layer.rank == 2]
Rotating a grid by 180 degrees is a vertical flip (the rows in reverse order) followed by a horizontal flip (the columns in reverse order):

[@display]
\begin{gathered}
[=rot.filter.matrix] \xrightarrow{\text{vertical flip}} [=rot.flipped.matrix][#if rot.stacked] \\[/#if]
\xrightarrow{\text{horizontal flip}} [=rot.rotated.matrix] = \operatorname{rot}_{180}(F)
\end{gathered}
[/@display]
[#else]
Rotating a grid by 180 degrees reverses it along every axis:

[@display]
[=rot.filter.matrix] \xrightarrow{\text{reverse}} [=rot.rotated.matrix] = \operatorname{rot}_{180}(F)
[/@display]
[/#if]
[#if !w.layer.crossCorrelation]
Under the true convolution the forward pass already slid the rotated filter; rotating it once more gives $F$ back, which is why the input gradient below uses $F$ itself.

[/#if]
[@figure "flips" "the filter and its flips, which end in its 180-degree rotation"]
[#if w.layer.rank == 2]The filter $F$, its vertical flip (rows in reverse order), then the horizontal flip of that (columns in reverse order), which is $\operatorname{rot}_{180}(F)$.
[#elseif w.layer.rank == 1]The filter $F$ and its reverse, which is $\operatorname{rot}_{180}(F)$.
[#else]The filter $F$ (its depth slices side by side), reversed along one axis after another, which gives $\operatorname{rot}_{180}(F)$.
[/#if]
[/@figure]
[#if w.figureNotes?? && w.figureNotes.flipsOmitted]
The filter is too large to draw its flips; the matrices above show them.

[/#if]
[/#if]
[#if w.inputGradient??]
[#assign r = w.inputGradient]
[@heading "The full convolution"/]

Read the sums for $\frac{\partial L}{\partial X}$: an input element collects every output element whose window covers it, each weighted by the filter entry that met it. Surround the gradient grid with a border of zeros as wide as the filter reach minus one[#if w.layer.strided] (after inserting zeros between its entries, for the stride)[/#if], and slide the [#if w.layer.crossCorrelation]rotated [/#if]filter over it, starting at the top left corner where it meets only the gradient's first element. This is the *full* convolution:

[@display]
[@statement "input"/][#nt]
[/@display]
[#if w.layer.channelsOut > w.layer.groups]
Every input channel fed all [=(w.layer.channelsOut / w.layer.groups)?int] output channels of its group, through a different filter channel each, so its gradient collects one full convolution per output channel: the sum over $c_{\mathrm{out}}$.

[/#if]
[#-- A grid cut to its corners would show only border zeros; the figure draws the corner. --]
[#if !r.grids["padded-gradient"].elided]
[@display]
\begin{gathered}
[=r.grids["padded-gradient"].matrix] [@brk r.grids["padded-gradient"]/] \star [=r.grids["dilated-rotated-filter"].matrix]
\end{gathered}
[/@display]
[/#if]
[#if w.layer.padded]
The result covers the padded input; the padding rows and columns are cut off again.

[/#if]
[#if r.hasUnread]
The positions the forward pass never reached are added back with gradient 0[#if w.layer.padded] before the padding is cut off[/#if].

[/#if]
In the notation of `convderiv check`: `[=r.text]`.

[@proof r "$\\frac{\\partial L}{\\partial X}$"/]
[@figure "dilated-filter" "the filter before and after zeros are inserted for the dilation"]
The filter $F$ and $F'$, the same filter with zeros between its entries, [@tuple w.layer.dilation/] apart as the dilation; the rotated filter slides in this dilated form.
[/@figure]
[@figure "full" "the first step of the full convolution"]
The first step of the full convolution. Left, the [#if w.layer.crossCorrelation]rotated [/#if]filter[#if w.layer.dilated], dilated[/#if]; middle, $\operatorname{pad}(\delta)$, where $\delta$ stands for $\frac{\partial L}{\partial O}$ and the grey zeros are its border[#if w.layer.strided] and the zeros inserted for the stride[/#if]; the shaded window meets only $\delta$'s first element. Right, the result, in which a cell $X_{ij}$ stands for $\frac{\partial L}{\partial X_{ij}}$: this step gives the shaded cell[#if w.layer.padded]; the grey cells lie in the padding and are cut off[/#if]. Sliding the window one cell at a time gives the rest.[#if w.figureNotes.fullCropped] Only the top left corner of both grids is drawn.[/#if]
[/@figure]
[/#if]
[#if w.biasGradient??]
[#assign r = w.biasGradient]
[@heading "The bias gradient"/]

Every output element of a channel adds the same bias, so its gradient is the sum of the upstream gradient over [#if w.layer.batch > 1]the batch and [/#if]all positions:

[@display]
[@statement "bias"/][#nt]
[/@display]
[@proof r "$\\frac{\\partial L}{\\partial b}$"/]
[/#if]
[@heading "Summary"/]

> **The backward pass of a convolution is a convolution.**
>
> $$
[#if w.filterGradient??]
> [@statement "filter"/]
> $$
>
> $$
[/#if]
[#if w.inputGradient??]
> [@statement "input"/]
> $$
[/#if]
[#if w.biasGradient??]
>
> $$
> [@statement "bias"/]
> $$
[/#if]
>
[#if w.filterGradient?? && w.inputGradient??]
[#if w.filterGradient.proved && w.inputGradient.proved]
> The first is a *valid* convolution, the second a *full* one. Proved symbolically for all [=w.filterGradient.compared] filter and [=w.inputGradient.compared] input elements.
[#else]
> The symbolic proof **failed**; see the recognition steps.
[/#if]
[/#if]
[#if w.numeric??]
> Numeric check: [#if w.numeric.passed]passed[#else]**failed**[/#if].
[/#if]

[#if w.numeric??]
[#assign n = w.numeric]
[@heading "Numeric check"/]

The symbolic gradients are evaluated at concrete values and compared with the backward pass of an independent engine ([=n.engine] [=n.engineVersion]) and with central finite differences of $L = \sum \frac{\partial L}{\partial O} \cdot O$.
[#if n.shown??]
Values of the [=n.shown.label] run[#if w.setup.sliced] (first sample and channels)[/#if]:

[@display]
\begin{gathered}
X = [=n.x.matrix], [@gap n.x/] F = [=n.f.matrix], [@gap n.x/] \frac{\partial L}{\partial O} = [=n.g.matrix][#if n.b??], \quad b = [=n.b.matrix][/#if]
\end{gathered}
[/@display]
[@valueTable n.filterRows "F"/]
[@valueTable n.inputRows "X"/]
[#if n.biasRows??][@valueTable n.biasRows "b"/][/#if]
[/#if]
Largest differences from the symbolic gradients: against the engine over every element, against finite differences over the elements counted in the table (every element of a small layer, a fixed sample of a large one).

| run | expected | vs engine | vs finite differences | elements | result |
|---|---|---:|---:|---:|---|
[#list n.runs as run]
| [=run.label] | [#if run.exact]exact[#else]within tolerance[/#if] | [=run.maxEngineDifference] | [=run.maxFiniteDifference] | [=run.finiteDifferenceElements] of [=run.totalElements] | [#if run.passed]passed[#else]**failed**[/#if] |
[/#list]
[/#if]
