package org.convderiv.recognize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convderiv.layer.Dims;
import org.convderiv.term.Monomial;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * A grid of symbolic entries over the spatial axes, with the array operations a recognized
 * convolution is made of: zero padding, zero insertion (dilation), flips, cross-correlation and
 * cropping. These are written from the textbook definitions, independently of the forward
 * expansion, so that re-expanding a recognized form is a genuine second derivation.
 */
public record SymTensor(Dims shape, List<Polynomial> entries) {

  /** The spatial slice {@code tensor[lead0, lead1, ...]} as a grid of variables. */
  public static SymTensor of(TensorName tensor, int lead0, int lead1, Dims spatial) {
    List<Polynomial> e = new ArrayList<>((int) spatial.volume());
    for (int k = 0; k < spatial.volume(); k++) {
      int[] s = spatial.indexAt(k);
      int[] idx = new int[s.length + 2];
      idx[0] = lead0;
      idx[1] = lead1;
      System.arraycopy(s, 0, idx, 2, s.length);
      e.add(Polynomial.of(new Variable(tensor, Dims.of(idx))));
    }
    return new SymTensor(spatial, List.copyOf(e));
  }

  public static SymTensor zeros(Dims shape) {
    Polynomial[] e = new Polynomial[(int) shape.volume()];
    Arrays.fill(e, Polynomial.zero());
    return new SymTensor(shape, List.of(e));
  }

  public Polynomial get(int... index) {
    return entries.get(shape.offsetOf(index));
  }

  public int rank() {
    return shape.rank();
  }

  /** Zeros added before and after each axis. */
  public SymTensor pad(Dims before, Dims after) {
    Dims out = shape.plus(before).plus(after);
    Polynomial[] e = filledZero(out);
    for (int k = 0; k < entries.size(); k++) {
      int[] idx = shape.indexAt(k);
      for (int a = 0; a < idx.length; a++) {
        idx[a] += before.get(a);
      }
      e[out.offsetOf(idx)] = entries.get(k);
    }
    return new SymTensor(out, List.of(e));
  }

  /** {@code factor - 1} zeros inserted between neighbouring entries on each axis. */
  public SymTensor dilate(Dims factor) {
    int[] out = new int[rank()];
    for (int a = 0; a < out.length; a++) {
      out[a] = factor.get(a) * (shape.get(a) - 1) + 1;
    }
    Dims outShape = Dims.of(out);
    Polynomial[] e = filledZero(outShape);
    for (int k = 0; k < entries.size(); k++) {
      int[] idx = shape.indexAt(k);
      for (int a = 0; a < idx.length; a++) {
        idx[a] *= factor.get(a);
      }
      e[outShape.offsetOf(idx)] = entries.get(k);
    }
    return new SymTensor(outShape, List.of(e));
  }

  /** Reversed along one axis: axis 0 is the vertical flip, axis 1 the horizontal one. */
  public SymTensor flip(int axis) {
    Polynomial[] e = new Polynomial[entries.size()];
    for (int k = 0; k < e.length; k++) {
      int[] idx = shape.indexAt(k);
      idx[axis] = shape.get(axis) - 1 - idx[axis];
      e[shape.offsetOf(idx)] = entries.get(k);
    }
    return new SymTensor(shape, List.of(e));
  }

  /** Rotation by 180 degrees: a flip along every axis (vertical, then horizontal, ...). */
  public SymTensor rotate180() {
    SymTensor t = this;
    for (int a = 0; a < rank(); a++) {
      t = t.flip(a);
    }
    return t;
  }

  /** The box of size {@code size} starting at {@code from}; positions outside read as 0. */
  public SymTensor crop(Dims from, Dims size) {
    Polynomial[] e = filledZero(size);
    for (int k = 0; k < e.length; k++) {
      int[] idx = size.indexAt(k);
      boolean inside = true;
      for (int a = 0; a < idx.length; a++) {
        idx[a] += from.get(a);
        inside &= idx[a] >= 0 && idx[a] < shape.get(a);
      }
      if (inside) {
        e[k] = get(idx);
      }
    }
    return new SymTensor(size, List.of(e));
  }

  /**
   * Valid cross-correlation, as deep learning frameworks define "convolution":
   * {@code out[i] = sum_u this[s*i + d*u] * kernel[u]}, with output size
   * {@code floor((n - d*(k - 1) - 1) / s) + 1} on each axis.
   */
  public SymTensor correlate(SymTensor kernel, Dims stride, Dims dilation) {
    int r = rank();
    int[] out = new int[r];
    for (int a = 0; a < r; a++) {
      int reach = shape.get(a) - dilation.get(a) * (kernel.shape.get(a) - 1) - 1;
      out[a] = reach < 0 ? 0 : reach / stride.get(a) + 1;
    }
    Dims outShape = Dims.of(out);
    Polynomial[] e = new Polynomial[(int) outShape.volume()];
    int[] pos = new int[r];
    for (int k = 0; k < e.length; k++) {
      int[] i = outShape.indexAt(k);
      Polynomial.Builder sum = new Polynomial.Builder();
      for (int q = 0; q < kernel.entries.size(); q++) {
        Polynomial w = kernel.entries.get(q);
        if (w.isZero()) {
          continue;
        }
        int[] u = kernel.shape.indexAt(q);
        for (int a = 0; a < r; a++) {
          pos[a] = stride.get(a) * i[a] + dilation.get(a) * u[a];
        }
        Polynomial x = get(pos);
        for (Monomial m : x.terms()) {
          for (Monomial n : w.terms()) {
            sum.add(m.times(n));
          }
        }
      }
      e[k] = sum.build();
    }
    return new SymTensor(outShape, List.of(e));
  }

  /** Element-wise sum of grids of one shape. */
  public static SymTensor sum(Dims shape, List<SymTensor> parts) {
    Polynomial[] e = new Polynomial[(int) shape.volume()];
    for (int k = 0; k < e.length; k++) {
      Polynomial.Builder b = new Polynomial.Builder();
      for (SymTensor p : parts) {
        b.add(p.entries.get(k));
      }
      e[k] = b.build();
    }
    return new SymTensor(shape, List.of(e));
  }

  private static Polynomial[] filledZero(Dims shape) {
    Polynomial[] e = new Polynomial[(int) shape.volume()];
    Arrays.fill(e, Polynomial.zero());
    return e;
  }
}
