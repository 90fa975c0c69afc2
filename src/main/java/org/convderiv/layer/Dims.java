package org.convderiv.layer;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An immutable tuple of per-axis integers: sizes, strides, paddings or an index. */
public final class Dims implements Comparable<Dims> {
  private final int[] values;

  private Dims(int[] values) {
    this.values = values;
  }

  public static Dims of(int... values) {
    return new Dims(values.clone());
  }

  /** The same value on each of {@code rank} axes. */
  public static Dims filled(int rank, int value) {
    int[] v = new int[rank];
    Arrays.fill(v, value);
    return new Dims(v);
  }

  public int rank() {
    return values.length;
  }

  public int get(int axis) {
    return values[axis];
  }

  public int[] toArray() {
    return values.clone();
  }

  /** The number of elements of a box with these sizes. */
  public long volume() {
    long v = 1;
    for (int x : values) {
      v *= x;
    }
    return v;
  }

  public int max() {
    return Arrays.stream(values).max().orElse(0);
  }

  public boolean allEqual(int value) {
    return Arrays.stream(values).allMatch(x -> x == value);
  }

  public Dims plus(Dims other) {
    int[] v = values.clone();
    for (int a = 0; a < v.length; a++) {
      v[a] += other.values[a];
    }
    return new Dims(v);
  }

  /** Row-major position of index {@code idx} inside a box of these sizes. */
  public int offsetOf(int[] idx) {
    int off = 0;
    for (int a = 0; a < values.length; a++) {
      off = off * values[a] + idx[a];
    }
    return off;
  }

  /** Inverse of {@link #offsetOf}: the index at a row-major position. */
  public int[] indexAt(int offset) {
    int[] idx = new int[values.length];
    for (int a = values.length - 1; a >= 0; a--) {
      idx[a] = offset % values[a];
      offset /= values[a];
    }
    return idx;
  }

  /** Sizes joined with x, as users write them: {@code 3x3}. */
  public String toSizeString() {
    return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining("x"));
  }

  @Override
  public int compareTo(Dims o) {
    return Arrays.compare(values, o.values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dims d && Arrays.equals(values, d.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return toSizeString();
  }
}
