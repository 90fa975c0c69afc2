[#ftl strip_whitespace=true]
[#-- The student sheet in Markdown with $$ display math. Data: sheet (ExerciseSheet without
     answers). Inside $$ blocks every line starts with a backslash or $$, so that no Markdown
     parser reads a line as a list item or a heading. --]
[#macro answer part][/#macro]
# Exercises: the backward pass of a convolution layer

Sheet [=sheet.seed?c]

Each exercise gives a small layer and its values. Write every gradient as a sum over the
elements of the upstream gradient $\frac{\partial L}{\partial O}$; a product of two elements is
written side by side, as in $X_{11} F_{11}$.

[#list sheet.exercises as item]
[#assign ex = item]
[#include "statement.md.ftl"]
[#include "questions.md.ftl"]
To check answers (a) to (c), write them one per line in plain text (`O12` for $O_{12}$, `dL/dX12`
for $\frac{\partial L}{\partial X_{12}}$, a product as two names side by side, a convolution as
`conv(...)` or `full_conv(...)` with `rot180(...)`, `stride=`, `padding=`) below the line

```
% layer: [=ex.layer.header]
```

in a file and run `convderiv check` on that file.

[/#list]
