package org.convderiv.expand;

import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;

/** One output element written out as a sum of products: {@code O11 = X11 F11 + X12 F12 + ...}. */
public record OutputExpansion(Variable output, Polynomial expression) {}
