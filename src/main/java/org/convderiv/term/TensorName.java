package org.convderiv.term;

/**
 * The tensors a derivation speaks of. The declaration order is the order of factors inside a
 * product, so that sums print as lecturers write them: {@code X11 F11} in the forward pass and
 * {@code dL/dO11 X12} in a gradient.
 */
public enum TensorName {
  /** The upstream gradient dL/dO, given as symbols. */
  G,
  X,
  F,
  B,
  O
}
