package org.convderiv.check;

/**
 * The non-spatial axes of a symbolic tensor. Convolutions in the tensor language contract the
 * one axis both operands share, which is how {@code conv(X, F)} sums over input channels,
 * {@code conv(X, dL/dO)} over the batch and {@code full_conv(rot180(F), dL/dO)} over output
 * channels, each without a separate sum.
 */
enum Axis {
  /** Declaration order is the order of a result's axes: n, co, ci as in O, F and X. */
  BATCH("n"),
  CHANNEL_OUT("co"),
  CHANNEL_IN("ci");

  private final String label;

  Axis(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
