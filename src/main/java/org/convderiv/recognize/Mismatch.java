package org.convderiv.recognize;

import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;

/** The first gradient element where the derivation and a candidate form disagree. */
public record Mismatch(Variable target, Polynomial derived, Polynomial recognized) {}
