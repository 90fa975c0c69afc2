[#-- The table convderiv bench prints; README quotes it. --]
| layer | whole command (s) | gradient terms | µs per term |
|---|---:|---:|---:|
[#list rows as r]
| [=r.name] | [=r.secondsText] | [=r.terms] | [=r.microsPerTerm] |
[/#list]

Each time is the fastest of [=repeat] runs of `./convderiv derive` as a separate process (the
launcher, JVM start, Symja start, every stage, report and worksheets written), with
-Xmx[=heap], on [=cores] cores, Java [=java].

- Linearity: time per term at 64x64, 3->8 channels / time per term at 28x28 / 5x5 = **[=linearity]** (goal: at most 2).
[#if sympySeconds??]
- SymPy baseline at 28x28 / 5x5 (symbolic part only): [=sympySeconds] s; the whole convderiv command is **[=speedup] times** faster (goal: at least 30).
[#else]
- SymPy baseline skipped (--no-sympy).
[/#if]
