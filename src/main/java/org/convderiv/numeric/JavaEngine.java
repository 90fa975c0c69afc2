package org.convderiv.numeric;

import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;

/**
 * The reference engine: the general layer of the domain reference (section 3) evaluated straight
 * from its definition, with plain loops over flat row-major arrays, for 1 to 3 spatial axes.
 *
 * <p>With {@code i}, {@code u} multi-indices over the output and kernel positions (products and
 * sums taken per axis), {@code g = co / (C_out / groups)} the group of output channel {@code co},
 * {@code c} an input channel of that group and {@code ci = g C_in / groups + c}:
 *
 * <pre>
 *   O[n, co, i]       = b[co] + sum_{c, u} K[co, c, u] Xp[n, ci, s i + d u]
 *   dL/db[co]         = sum_{n, i} G[n, co, i]
 *   dL/dK[co, c, u]   = sum_{n, i} G[n, co, i] Xp[n, ci, s i + d u]
 *   dL/dXp[n, ci, a]  = sum of G[n, co, i] K[co, c, u] over co of group g and s i + d u = a
 * </pre>
 *
 * where {@code Xp} is {@code X} with zero padding ({@code padBefore} low, {@code padAfter} high),
 * {@code G = dL/dO} and {@code K} is the kernel as it slides: {@code F} itself for
 * cross-correlation, {@code F} flipped on every spatial axis for the true convolution. Reading and
 * writing {@code F} through that flip gives {@code dL/dF} directly. Padding positions read 0 and
 * their gradient is dropped, which is how the rows the forward pass never reaches keep 0.
 *
 * <p>Deliberately shares no code with the symbolic stages: it reads only the fields of the spec
 * and computes the output size itself.
 */
public final class JavaEngine implements Engine {
  /** The index tables of the last layer run; read and replaced whole, so threads may share. */
  private volatile Geometry lastGeometry;

  @Override
  public String name() {
    return "java";
  }

  @Override
  public String version() {
    // Not the JVM's version: the numbers do not depend on it, and documents stay identical
    // across Java updates.
    return "convderiv reference engine (plain Java loops, float64)";
  }

  @Override
  public Gradients run(LayerSpec spec, LayerValues values) {
    return sweep(spec, values, true);
  }

  /** The forward pass alone, {@code O}, at half the cost of {@link #run}. */
  @Override
  public Tensor forward(LayerSpec spec, LayerValues values) {
    return sweep(spec, values, false).o();
  }

  /**
   * Visits every product {@code K[co, c, u] Xp[n, ci, s i + d u]} of the forward expansion once.
   * Each adds to its output element and, by the chain rule, {@code G K} to the input element it
   * read and {@code G Xp} to the kernel element it used.
   */
  private Gradients sweep(LayerSpec spec, LayerValues values, boolean backward) {
    Geometry geo = geometry(spec);
    Dims xShape = LayerValues.xShape(spec);
    Dims fShape = LayerValues.fShape(spec);
    Dims oShape = LayerValues.oShape(spec);
    double[] x = LayerValues.requireShape("X", values.x(), xShape).toArray();
    double[] f = LayerValues.requireShape("F", values.f(), fShape).toArray();
    double[] g = LayerValues.requireShape("G", values.g(), oShape).toArray();
    double[] b = spec.bias()
        ? LayerValues.requireShape("b", values.b(), LayerValues.bShape(spec)).toArray()
        : null;

    int inVol = (int) spec.input().volume();
    int outVol = (int) geo.output().volume();
    int kVol = (int) spec.kernel().volume();
    int cInGroup = spec.channelsInPerGroup();
    int cOutGroup = spec.channelsOutPerGroup();
    int[] reads = geo.reads();
    int[] taps = geo.taps();

    double[] o = new double[g.length];
    double[] dx = backward ? new double[x.length] : null;
    double[] df = backward ? new double[f.length] : null;
    double[] db = backward && b != null ? new double[b.length] : null;

    for (int n = 0; n < spec.batch(); n++) {
      for (int co = 0; co < spec.channelsOut(); co++) {
        int oBase = (n * spec.channelsOut() + co) * outVol;
        if (b != null) {
          for (int i = 0; i < outVol; i++) {
            o[oBase + i] = b[co];
          }
        }
        if (db != null) {
          for (int i = 0; i < outVol; i++) {
            db[co] += g[oBase + i];
          }
        }
        int group = co / cOutGroup;
        for (int c = 0; c < cInGroup; c++) {
          int xBase = (n * spec.channelsIn() + group * cInGroup + c) * inVol;
          int fBase = (co * cInGroup + c) * kVol;
          for (int i = 0; i < outVol; i++) {
            double sum = 0;
            double gi = g[oBase + i];
            for (int u = 0; u < kVol; u++) {
              int at = reads[i * kVol + u];
              if (at < 0) {
                continue; // the window lies on zero padding here
              }
              int fAt = fBase + taps[u];
              sum += f[fAt] * x[xBase + at];
              if (backward) {
                dx[xBase + at] += gi * f[fAt];
                df[fAt] += gi * x[xBase + at];
              }
            }
            o[oBase + i] += sum;
          }
        }
      }
    }
    Tensor out = new Tensor(oShape, o);
    if (!backward) {
      return new Gradients(out, null, null, null);
    }
    return new Gradients(out, new Tensor(xShape, dx), new Tensor(fShape, df),
        db == null ? null : new Tensor(LayerValues.bShape(spec), db));
  }

  /** Finite differences run one layer hundreds of times: keep its index tables. */
  private Geometry geometry(LayerSpec spec) {
    Geometry last = lastGeometry;
    if (last == null || !last.spec().equals(spec)) {
      last = Geometry.of(spec);
      lastGeometry = last;
    }
    return last;
  }

  /**
   * The index arithmetic of one layer, computed once per layer.
   *
   * @param reads for output position {@code i} and kernel position {@code u} (row-major, at
   *     {@code i * kVol + u}): the row-major spatial position in unpadded X of
   *     {@code s i + d u - padBefore}, or -1 where that falls on padding
   * @param taps for kernel position {@code u}: the position of F that slides there, {@code u}
   *     itself or its mirror image under the true convolution
   */
  private record Geometry(LayerSpec spec, Dims output, int[] reads, int[] taps) {

    static Geometry of(LayerSpec spec) {
      int rank = spec.input().rank();
      int[] out = new int[rank];
      for (int a = 0; a < rank; a++) {
        int padded = spec.input().get(a) + spec.padBefore().get(a) + spec.padAfter().get(a);
        int reach = padded - spec.dilation().get(a) * (spec.kernel().get(a) - 1) - 1;
        out[a] = Math.floorDiv(reach, spec.stride().get(a)) + 1;
      }
      Dims output = Dims.of(out);
      if (!output.equals(spec.output())) {
        throw new IllegalStateException("output size " + output + " from the floor formula"
            + " disagrees with the layer's own " + spec.output());
      }

      Dims kernel = spec.kernel();
      int outVol = (int) output.volume();
      int kVol = (int) kernel.volume();
      int[] reads = new int[outVol * kVol];
      for (int i = 0; i < outVol; i++) {
        int[] oi = output.indexAt(i);
        for (int u = 0; u < kVol; u++) {
          reads[i * kVol + u] = inputPosition(spec, oi, kernel.indexAt(u));
        }
      }

      int[] taps = new int[kVol];
      for (int u = 0; u < kVol; u++) {
        int[] ku = kernel.indexAt(u);
        if (spec.convention() == Convention.CONVOLUTION) {
          for (int a = 0; a < rank; a++) {
            ku[a] = kernel.get(a) - 1 - ku[a];
          }
        }
        taps[u] = kernel.offsetOf(ku);
      }

      return new Geometry(spec, output, reads, taps);
    }

    /** Row-major position of {@code s i + d u - padBefore} in unpadded X, -1 on padding. */
    private static int inputPosition(LayerSpec spec, int[] i, int[] u) {
      int offset = 0;
      for (int a = 0; a < i.length; a++) {
        int p = spec.stride().get(a) * i[a] + spec.dilation().get(a) * u[a]
            - spec.padBefore().get(a);
        if (p < 0 || p >= spec.input().get(a)) {
          return -1;
        }
        offset = offset * spec.input().get(a) + p;
      }
      return offset;
    }
  }
}
