package org.convderiv.layer;

/**
 * Zero padding as the user asked for it. {@code same} and {@code full} depend on the kernel and
 * dilation, so they are resolved to per-side amounts only when the layer is built.
 */
public record Padding(Mode mode, Dims before, Dims after) {

  public enum Mode { EXPLICIT, VALID, SAME, FULL }

  public static Padding valid() {
    return new Padding(Mode.VALID, null, null);
  }

  public static Padding same() {
    return new Padding(Mode.SAME, null, null);
  }

  public static Padding full() {
    return new Padding(Mode.FULL, null, null);
  }

  public static Padding explicit(Dims before, Dims after) {
    return new Padding(Mode.EXPLICIT, before, after);
  }

  /** Resolves to amounts on the low side of each axis. */
  Dims resolveBefore(Dims kernel, Dims dilation) {
    return resolve(kernel, dilation, true);
  }

  Dims resolveAfter(Dims kernel, Dims dilation) {
    return resolve(kernel, dilation, false);
  }

  private Dims resolve(Dims kernel, Dims dilation, boolean low) {
    int rank = kernel.rank();
    int[] p = new int[rank];
    for (int a = 0; a < rank; a++) {
      int span = dilation.get(a) * (kernel.get(a) - 1);
      p[a] = switch (mode) {
        case VALID -> 0;
        case FULL -> span;
        // As PyTorch's padding='same': the low side gets floor(span / 2), so an odd span puts
        // the extra row (column) on the high side, after the input.
        case SAME -> low ? span / 2 : span - span / 2;
        case EXPLICIT -> (low ? before : after).get(a);
      };
    }
    return Dims.of(p);
  }

  /** How the worksheet names it: valid, same, full, or the amounts. */
  public String describe() {
    return switch (mode) {
      case VALID -> "valid";
      case SAME -> "same";
      case FULL -> "full";
      case EXPLICIT -> before.equals(after)
          ? before.toSizeString()
          : before.toSizeString() + " before, " + after.toSizeString() + " after";
    };
  }
}
