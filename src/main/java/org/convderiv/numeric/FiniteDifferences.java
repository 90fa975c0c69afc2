package org.convderiv.numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;

/**
 * Central differences of {@code L = sum(G * O)} from an engine's forward output alone:
 * {@code dL/dv ~ (L(v + h) - L(v - h)) / 2h} for each element {@code v} of X, F and b.
 *
 * <p>L is linear in every single element (the layer is bilinear in X and F), so the quotient is
 * exact up to rounding: with float64 and {@code h = 1e-6} the error is about
 * {@code 1e-16 |L| / h}, far inside {@link Tolerance#GRADCHECK} for values of order one.
 *
 * <p>Each element costs two forward passes, so differentiating every element of a layer is
 * quadratic in its size: {@link #full} is for small layers, {@link #sample} for large ones.
 */
public final class FiniteDifferences {

  /** Step for float64, as in PyTorch's gradcheck. */
  public static final double STEP = 1e-6;

  private FiniteDifferences() {}

  /** The tensor an element belongs to. */
  public enum Operand {
    X, F, B;

    Tensor of(LayerValues v) {
      return switch (this) {
        case X -> v.x();
        case F -> v.f();
        case B -> v.b();
      };
    }

    Tensor of(Gradients g) {
      return switch (this) {
        case X -> g.dx();
        case F -> g.df();
        case B -> g.db();
      };
    }

    LayerValues replace(LayerValues v, Tensor t) {
      return switch (this) {
        case X -> new LayerValues(t, v.f(), v.g(), v.b());
        case F -> new LayerValues(v.x(), t, v.g(), v.b());
        case B -> new LayerValues(v.x(), v.f(), v.g(), t);
      };
    }
  }

  /** One differentiated element: the gradient claimed for it and the finite-difference value. */
  public record ElementCheck(Operand operand, Dims index, double claimed, double estimated) {
    public boolean passes(Tolerance tolerance) {
      return tolerance.accepts(estimated, claimed);
    }

    @Override
    public String toString() {
      return "dL/d" + (operand == Operand.B ? "b" : operand.name())
          + Arrays.toString(index.toArray()) + ": claimed " + claimed + ", estimated " + estimated;
    }
  }

  /**
   * Every element's gradient by central differences, for small layers. The {@code o} of the
   * result is the engine's forward output at the given values.
   */
  public static Gradients full(Engine engine, LayerSpec spec, LayerValues values) {
    Tensor o = engine.run(spec, values).o();
    return new Gradients(o, all(engine, spec, values, Operand.X),
        all(engine, spec, values, Operand.F),
        spec.bias() ? all(engine, spec, values, Operand.B) : null);
  }

  /** Samples as below, checking the engine's own backward pass against its forward pass. */
  public static List<ElementCheck> sample(
      Engine engine, LayerSpec spec, LayerValues values, int maxElements, long seed) {
    return sample(engine, spec, values, engine.run(spec, values), maxElements, seed);
  }

  /**
   * Central differences at up to {@code maxElements} elements, each compared with the gradient
   * {@code claimed} for it. The elements are drawn without repetition, reproducibly from
   * {@code seed}, with the count shared evenly between X, F and b (a share a small tensor cannot
   * use passes on to the others), so that a bias of three elements is not lost among thousands of
   * inputs. Ordered by operand, then row-major.
   */
  public static List<ElementCheck> sample(Engine engine, LayerSpec spec, LayerValues values,
      Gradients claimed, int maxElements, long seed) {
    if (maxElements < 1) {
      throw new IllegalArgumentException("maxElements (" + maxElements + ") must be at least 1");
    }
    List<Operand> operands = new ArrayList<>(List.of(Operand.X, Operand.F));
    if (spec.bias()) {
      if (values.b() == null) {
        throw new IllegalArgumentException("b is missing, the layer has a bias");
      }
      operands.add(Operand.B);
    }
    // Smallest tensors first, so their unused share flows to the larger ones.
    operands.sort((p, q) -> Integer.compare(p.of(values).size(), q.of(values).size()));
    int[] quota = new int[Operand.values().length];
    int left = maxElements;
    for (int k = 0; k < operands.size(); k++) {
      Operand op = operands.get(k);
      quota[op.ordinal()] = Math.min(op.of(values).size(), left / (operands.size() - k));
      left -= quota[op.ordinal()];
    }

    Random random = new Random(seed);
    List<ElementCheck> checks = new ArrayList<>();
    for (Operand op : Operand.values()) {
      if (quota[op.ordinal()] == 0) {
        continue;
      }
      Tensor value = op.of(values);
      Tensor gradient = op.of(claimed);
      for (int offset : distinct(value.size(), quota[op.ordinal()], random)) {
        checks.add(new ElementCheck(op, Dims.of(value.shape().indexAt(offset)),
            gradient.at(offset), estimate(engine, spec, values, op, offset, STEP)));
      }
    }
    return checks;
  }

  /** The central difference of L with respect to one element, with step {@code h}. */
  public static double estimate(Engine engine, LayerSpec spec, LayerValues values,
      Operand operand, int offset, double h) {
    Tensor t = operand.of(values);
    double v = t.at(offset);
    double up = loss(engine, spec, operand.replace(values, t.with(offset, v + h)));
    double down = loss(engine, spec, operand.replace(values, t.with(offset, v - h)));
    return (up - down) / (2 * h);
  }

  /** {@code L = sum(G * O)} at the given values. */
  public static double loss(Engine engine, LayerSpec spec, LayerValues values) {
    Tensor o = engine.forward(spec, values);
    Tensor g = values.g();
    double sum = 0;
    for (int i = 0; i < o.size(); i++) {
      sum += g.at(i) * o.at(i);
    }
    return sum;
  }

  private static Tensor all(Engine engine, LayerSpec spec, LayerValues values, Operand op) {
    Tensor t = op.of(values);
    double[] d = new double[t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = estimate(engine, spec, values, op, i, STEP);
    }
    return new Tensor(t.shape(), d);
  }

  /** {@code count} distinct offsets below {@code size}, ascending (Floyd's sampling). */
  private static TreeSet<Integer> distinct(int size, int count, Random random) {
    TreeSet<Integer> chosen = new TreeSet<>();
    for (int j = size - count; j < size; j++) {
      int t = random.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    return chosen;
  }
}
