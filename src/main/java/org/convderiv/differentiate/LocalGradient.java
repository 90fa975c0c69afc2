package org.convderiv.differentiate;

import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;

/** One local gradient dO_k / d(wrt), nonzero only when {@code wrt} occurs in O_k. */
public record LocalGradient(Variable output, Variable wrt, Polynomial value) {}
