package org.convderiv.chain;

import java.util.List;
import org.convderiv.differentiate.LocalGradient;
import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;

/**
 * dL/d(target) = sum over k of dL/dO_k * dO_k/d(target), over the outputs whose local gradient
 * is not zero. {@code value} is that sum with the local gradients substituted.
 */
public record ChainRuleSum(Variable target, List<LocalGradient> contributions, Polynomial value) {}
