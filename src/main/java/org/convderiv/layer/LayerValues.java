package org.convderiv.layer;

import java.util.Random;

/**
 * Concrete values for one layer: input X, filter F, upstream gradient G = dL/dO and, when the
 * layer has one, bias b. Shapes follow the layouts of {@link LayerSpec}.
 */
public record LayerValues(Tensor x, Tensor f, Tensor g, Tensor b) {

  public static Dims xShape(LayerSpec spec) {
    return withLeading(spec.input(), spec.batch(), spec.channelsIn());
  }

  public static Dims fShape(LayerSpec spec) {
    return withLeading(spec.kernel(), spec.channelsOut(), spec.channelsInPerGroup());
  }

  public static Dims oShape(LayerSpec spec) {
    return withLeading(spec.output(), spec.batch(), spec.channelsOut());
  }

  public static Dims bShape(LayerSpec spec) {
    return Dims.of(spec.channelsOut());
  }

  /** Returns {@code t} when it has the shape; else a one-line message naming the role. */
  public static Tensor requireShape(String role, Tensor t, Dims shape) {
    if (t == null) {
      throw new IllegalArgumentException(role + " is missing, the layer needs shape " + shape);
    }
    if (!t.shape().equals(shape)) {
      throw new IllegalArgumentException(
          role + " (shape " + t.shape() + ") must have shape " + shape + " for this layer");
    }
    return t;
  }

  /** Small random integers in [-3, 3], reproducible from the seed. */
  public static LayerValues randomIntegers(LayerSpec spec, long seed) {
    Random r = new Random(seed);
    return new LayerValues(
        randomInts(xShape(spec), r),
        randomInts(fShape(spec), r),
        randomInts(oShape(spec), r),
        spec.bias() ? randomInts(bShape(spec), r) : null);
  }

  /** Uniform random doubles in [-1, 1), reproducible from the seed. */
  public static LayerValues randomReals(LayerSpec spec, long seed) {
    Random r = new Random(seed);
    return new LayerValues(
        randomReals(xShape(spec), r),
        randomReals(fShape(spec), r),
        randomReals(oShape(spec), r),
        spec.bias() ? randomReals(bShape(spec), r) : null);
  }

  private static Tensor randomInts(Dims shape, Random r) {
    double[] d = new double[(int) shape.volume()];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextInt(7) - 3;
    }
    return new Tensor(shape, d);
  }

  private static Tensor randomReals(Dims shape, Random r) {
    double[] d = new double[(int) shape.volume()];
    for (int i = 0; i < d.length; i++) {
      d[i] = 2 * r.nextDouble() - 1;
    }
    return new Tensor(shape, d);
  }

  private static Dims withLeading(Dims spatial, int first, int second) {
    int[] s = new int[spatial.rank() + 2];
    s[0] = first;
    s[1] = second;
    for (int a = 0; a < spatial.rank(); a++) {
      s[a + 2] = spatial.get(a);
    }
    return Dims.of(s);
  }
}
