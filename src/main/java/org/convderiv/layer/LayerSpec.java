package org.convderiv.layer;

/**
 * The geometry of one convolution layer of any rank, with paddings resolved per side.
 *
 * <p>Tensor layouts follow PyTorch: {@code X[n][ci][spatial]}, {@code F[co][ci/groups][spatial]},
 * {@code O[n][co][spatial]}, {@code b[co]}. Built only through {@link #builder}, which checks every
 * value, so a {@code LayerSpec} in hand always describes a layer that can be derived.
 */
public record LayerSpec(
    int batch,
    int channelsIn,
    int channelsOut,
    int groups,
    Dims input,
    Dims kernel,
    Dims stride,
    Dims dilation,
    Padding padding,
    Dims padBefore,
    Dims padAfter,
    boolean bias,
    Convention convention) {

  /**
   * Products in the forward expansion past which a layer is refused: large enough for a 64x64
   * input with 3 to 8 channels of 3x3 kernels (about 0.8 million), small enough to stay within a
   * couple of seconds and a 2 GiB heap.
   */
  public static final long TERM_BUDGET = 2_000_000L;

  public int rank() {
    return input.rank();
  }

  public int channelsInPerGroup() {
    return channelsIn / groups;
  }

  public int channelsOutPerGroup() {
    return channelsOut / groups;
  }

  /** The padded input size on each axis. */
  public Dims paddedInput() {
    return input.plus(padBefore).plus(padAfter);
  }

  /** Output size: floor((n + p_before + p_after - d (k - 1) - 1) / s) + 1 on each axis. */
  public Dims output() {
    int[] o = new int[rank()];
    for (int a = 0; a < o.length; a++) {
      o[a] = Math.floorDiv(reach(a), stride.get(a)) + 1;
    }
    return Dims.of(o);
  }

  /** The numerator of the output-size formula: n + p_before + p_after - d (k - 1) - 1. */
  public int reach(int axis) {
    return paddedInput().get(axis) - dilation.get(axis) * (kernel.get(axis) - 1) - 1;
  }

  /**
   * Input positions past the last one the forward pass reads, on each axis: when the reach is
   * not a multiple of the stride, the last rows never meet the kernel and their gradient is 0.
   */
  public int unreadRemainder(int axis) {
    return reach(axis) % stride.get(axis);
  }

  /** True for the case of the article: one channel, stride and dilation 1, no padding. */
  public boolean isClassic() {
    return batch == 1 && channelsIn == 1 && channelsOut == 1 && stride.allEqual(1)
        && dilation.allEqual(1) && padBefore.allEqual(0) && padAfter.allEqual(0) && !bias;
  }

  /** Number of scalar products in the forward expansion, an upper bound with padding. */
  public long forwardTerms() {
    return (long) batch * channelsOut * output().volume() * channelsInPerGroup() * kernel.volume();
  }

  public static Builder builder(Dims input, Dims kernel) {
    return new Builder(input, kernel);
  }

  /** The classic layer of the article: single channel, stride 1, no padding. */
  public static LayerSpec classic(Dims input, Dims kernel) {
    return builder(input, kernel).build();
  }

  /** Collects options, then checks them all at once in {@link #build}. */
  public static final class Builder {
    private final Dims input;
    private final Dims kernel;
    private int batch = 1;
    private int channelsIn = 1;
    private int channelsOut = 1;
    private int groups = 1;
    private Dims stride;
    private Dims dilation;
    private Padding padding = Padding.valid();
    private boolean bias;
    private Convention convention = Convention.CROSS_CORRELATION;

    private Builder(Dims input, Dims kernel) {
      this.input = input;
      this.kernel = kernel;
    }

    public Builder batch(int v) { batch = v; return this; }
    public Builder channelsIn(int v) { channelsIn = v; return this; }
    public Builder channelsOut(int v) { channelsOut = v; return this; }
    public Builder groups(int v) { groups = v; return this; }
    public Builder stride(Dims v) { stride = v; return this; }
    public Builder dilation(Dims v) { dilation = v; return this; }
    public Builder padding(Padding v) { padding = v; return this; }
    public Builder bias(boolean v) { bias = v; return this; }
    public Builder convention(Convention v) { convention = v; return this; }

    public LayerSpec build() {
      int rank = input.rank();
      if (rank < 1 || rank > 3) {
        throw new LayerException("input (" + input + ") must have 1, 2 or 3 axes");
      }
      checkRank("kernel", kernel, rank);
      Dims s = stride == null ? Dims.filled(rank, 1) : checkRank("stride", stride, rank);
      Dims d = dilation == null ? Dims.filled(rank, 1) : checkRank("dilation", dilation, rank);
      checkPositive("input", input);
      checkPositive("kernel", kernel);
      checkPositive("stride", s);
      checkPositive("dilation", d);
      checkCount("batch", batch);
      checkCount("channels-in", channelsIn);
      checkCount("channels-out", channelsOut);
      checkCount("groups", groups);
      if (channelsIn % groups != 0 || channelsOut % groups != 0) {
        throw new LayerException("groups (" + groups + ") must divide channels-in (" + channelsIn
            + ") and channels-out (" + channelsOut + ")");
      }
      if (padding.mode() == Padding.Mode.EXPLICIT) {
        checkRank("padding", padding.before(), rank);
        checkRank("padding", padding.after(), rank);
        checkNonNegative("padding", padding.before());
        checkNonNegative("padding", padding.after());
      }
      if (padding.mode() == Padding.Mode.SAME && !s.allEqual(1)) {
        throw new LayerException(
            "padding (same) needs stride 1, got stride " + s + " (PyTorch refuses it too)");
      }
      Dims before = padding.resolveBefore(kernel, d);
      Dims after = padding.resolveAfter(kernel, d);
      for (int a = 0; a < rank; a++) {
        int padded = input.get(a) + before.get(a) + after.get(a);
        int span = d.get(a) * (kernel.get(a) - 1) + 1;
        if (span > padded) {
          throw new LayerException("kernel " + kernel + " with dilation " + d + " spans " + span
              + " on axis " + (a + 1) + ", more than the padded input (" + input.get(a) + " + "
              + before.get(a) + " + " + after.get(a) + " = " + padded + ")");
        }
      }
      long inputElements = (long) batch * channelsIn * input.volume();
      if (inputElements > TERM_BUDGET) {
        throw new LayerException("input has " + inputElements
            + " elements, past the term budget of " + TERM_BUDGET);
      }
      LayerSpec spec = new LayerSpec(batch, channelsIn, channelsOut, groups, input, kernel, s, d,
          padding, before, after, bias, convention);
      if (spec.forwardTerms() > TERM_BUDGET) {
        throw new LayerException("layer needs " + spec.forwardTerms()
            + " forward products, past the term budget of " + TERM_BUDGET);
      }
      return spec;
    }

    private static Dims checkRank(String role, Dims v, int rank) {
      if (v.rank() != rank) {
        throw new LayerException(role + " (" + v + ") must have " + rank
            + (rank == 1 ? " axis" : " axes") + " like the input");
      }
      return v;
    }

    private static void checkPositive(String role, Dims v) {
      for (int a = 0; a < v.rank(); a++) {
        if (v.get(a) < 1) {
          throw new LayerException(role + " (" + v + ") must be at least 1 on every axis");
        }
      }
    }

    private static void checkNonNegative(String role, Dims v) {
      for (int a = 0; a < v.rank(); a++) {
        if (v.get(a) < 0) {
          throw new LayerException(role + " (" + v + ") must not be negative");
        }
      }
    }

    private static void checkCount(String role, int v) {
      if (v < 1) {
        throw new LayerException(role + " (" + v + ") must be at least 1");
      }
    }
  }
}
