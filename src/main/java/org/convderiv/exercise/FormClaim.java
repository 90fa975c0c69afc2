package org.convderiv.exercise;

import java.util.Optional;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;

/**
 * The convolution that gives dL/dX, written as a claim {@code convderiv check} reads.
 *
 * <p>The checker's tensor functions take one number per keyword, the same on every axis, so the
 * stride becomes {@code dilate(dL/dO, s)} (the full correlation needs the gradient spread out to
 * where its outputs were computed), the filter's dilation the {@code dilation=} of
 * {@code full_conv}, and the layer's padding a {@code crop} of the result.
 */
final class FormClaim {
  private FormClaim() {}

  /** The claim, or empty when the layer needs what the claim syntax cannot say. */
  // Limitation: unequal values per axis, unequal padding before and after, and input rows the
  // forward pass never reads (a reach not divisible by the stride, which needs zeros on one
  // side only) have no claim form; such layers arise only from the layer options, since the
  // random layers are drawn without them, and their answer key leaves the form out.
  static Optional<String> of(LayerSpec spec) {
    boolean unread = false;
    for (int a = 0; a < spec.rank(); a++) {
      unread |= spec.unreadRemainder(a) != 0;
    }
    if (unread || !uniform(spec.stride()) || !uniform(spec.dilation())
        || !uniform(spec.padBefore()) || !spec.padBefore().equals(spec.padAfter())) {
      return Optional.empty();
    }
    int s = spec.stride().get(0);
    int d = spec.dilation().get(0);
    int p = spec.padBefore().get(0);
    String filter = spec.convention() == Convention.CROSS_CORRELATION ? "rot180(F)" : "F";
    String gradient = s == 1 ? "dL/dO" : "dilate(dL/dO, " + s + ")";
    String full = "full_conv(" + filter + ", " + gradient + (d == 1 ? "" : ", dilation=" + d)
        + ")";
    return Optional.of("dL/dX = " + (p == 0 ? full : "crop(" + full + ", " + p + ")"));
  }

  private static boolean uniform(Dims d) {
    return d.allEqual(d.get(0));
  }
}
