package org.convderiv.layer;

import java.util.Arrays;

/**
 * A dense row-major tensor of doubles with its full shape (batch and channel axes included).
 * Small integers are stored exactly, so integer runs compare with {@code ==}.
 */
public final class Tensor {
  private final Dims shape;
  private final double[] data;

  public Tensor(Dims shape, double[] data) {
    if (shape.volume() != data.length) {
      throw new IllegalArgumentException(
          "shape " + shape + " holds " + shape.volume() + " values, not " + data.length);
    }
    this.shape = shape;
    this.data = data.clone();
  }

  public static Tensor zeros(Dims shape) {
    return new Tensor(shape, new double[(int) shape.volume()]);
  }

  public Dims shape() {
    return shape;
  }

  public int size() {
    return data.length;
  }

  public double get(int... index) {
    return data[shape.offsetOf(index)];
  }

  public double at(int offset) {
    return data[offset];
  }

  public double[] toArray() {
    return data.clone();
  }

  /** A copy with one value changed, for finite differences and probes. */
  public Tensor with(int offset, double value) {
    double[] d = data.clone();
    d[offset] = value;
    return new Tensor(shape, d);
  }

  public double maxAbsDifference(Tensor other) {
    double m = 0;
    for (int i = 0; i < data.length; i++) {
      m = Math.max(m, Math.abs(data[i] - other.data[i]));
    }
    return m;
  }

  public boolean isIntegral() {
    return Arrays.stream(data).allMatch(v -> v == Math.rint(v));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && shape.equals(t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return shape + Arrays.toString(data);
  }
}
