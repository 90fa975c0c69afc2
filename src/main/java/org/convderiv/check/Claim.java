package org.convderiv.check;

import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * One parsed claim: {@code target = value}. The target is a gradient ({@code dL/dX22},
 * {@code dL/dF}) or a forward output ({@code O12}); {@code element} is null for a whole-tensor
 * claim such as {@code dL/dX = full_conv(rot180(F), dL/dO)}.
 */
record Claim(TensorName tensor, Variable element, boolean gradient, Expr value) {

  boolean wholeTensor() {
    return element == null;
  }
}
