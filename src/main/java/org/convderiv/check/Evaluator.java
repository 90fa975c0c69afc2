package org.convderiv.check;

import java.util.Map;
import java.util.Set;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;

/**
 * Evaluates a claim's right-hand side into a polynomial (scalar claims) or a {@link Grid} of
 * polynomials (whole-tensor claims). Pure Java over the parsed tree: no reflection, no files,
 * no general algebra system; every step is charged to a {@link Budget}.
 */
final class Evaluator {
  /** Largest stride, dilation, padding or crop the tensor language accepts. */
  static final int MAX_AMOUNT = 64;

  private final LayerSpec spec;
  private final Budget budget;

  Evaluator(LayerSpec spec, Budget budget) {
    this.spec = spec;
    this.budget = budget;
  }

  sealed interface Value {}

  record Scalar(Polynomial value) implements Value {}

  record Tensor(Grid grid) implements Value {}

  Value evaluate(Expr e) {
    budget.spend(1, e.column());
    if (e instanceof Expr.Number n) {
      return new Scalar(Polynomial.constant(n.value()));
    } else if (e instanceof Expr.Symbol s) {
      return symbol(s);
    } else if (e instanceof Expr.Negation n) {
      return negate(evaluate(n.operand()), n.column());
    } else if (e instanceof Expr.Sum s) {
      return add(evaluate(s.left()), evaluate(s.right()), s.column());
    } else if (e instanceof Expr.Product p) {
      return multiply(evaluate(p.left()), evaluate(p.right()), p.column());
    }
    return call((Expr.Call) e);
  }

  private Value symbol(Expr.Symbol s) {
    if (s.tensor() == TensorName.O) {
      throw new ClaimException(s.column(), "'" + s.text() + "' is an output of the layer; the"
          + " right-hand side may use X, F, b and dL/dO");
    }
    if (s.element() != null) {
      return new Scalar(Polynomial.of(s.element()));
    }
    return new Tensor(Grid.symbols(spec, s.tensor()));
  }

  private Value negate(Value v, int column) {
    return multiply(new Scalar(Polynomial.constant(-1)), v, column);
  }

  private Value add(Value a, Value b, int column) {
    if (a instanceof Scalar x && b instanceof Scalar y) {
      budget.spend(x.value().size() + y.value().size(), column);
      return new Scalar(x.value().plus(y.value()));
    }
    if (a instanceof Tensor x && b instanceof Tensor y) {
      return new Tensor(x.grid().combine(y.grid(), false, budget, column));
    }
    throw new ClaimException(column, "cannot add a scalar and a whole tensor");
  }

  private Value multiply(Value a, Value b, int column) {
    if (a instanceof Scalar x && b instanceof Scalar y) {
      budget.spend((long) x.value().size() * y.value().size(), column);
      return new Scalar(x.value().times(y.value()));
    }
    if (a instanceof Scalar x && b instanceof Tensor t) {
      return new Tensor(t.grid().scale(x.value(), budget, column));
    }
    if (a instanceof Tensor t && b instanceof Scalar x) {
      return new Tensor(t.grid().scale(x.value(), budget, column));
    }
    throw new ClaimException(column, "two whole tensors cannot be multiplied; combine them"
        + " with conv or full_conv");
  }

  private Value call(Expr.Call c) {
    String f = c.function();
    int column = c.column();
    Set<String> allowed = switch (f) {
      case "conv" -> Set.of("stride", "dilation", "padding");
      case "full_conv" -> Set.of("stride", "dilation");
      default -> Set.of();
    };
    for (String k : c.keywords().keySet()) {
      if (!allowed.contains(k)) {
        throw new ClaimException(column, f + " takes no keyword " + k + "="
            + (allowed.isEmpty() ? "" : " (it takes " + String.join("=, ", allowed) + "=)"));
      }
    }
    int tensors = switch (f) {
      case "conv", "full_conv" -> 2;
      default -> 1;
    };
    int integers = switch (f) {
      case "dilate", "pad", "crop" -> 1;
      default -> 0;
    };
    if (c.arguments().size() != tensors + integers) {
      throw new ClaimException(column, f + " takes " + (tensors + integers) + " argument"
          + (tensors + integers == 1 ? "" : "s") + ", not " + c.arguments().size());
    }
    Grid a = tensorArgument(c, 0);
    return new Tensor(switch (f) {
      case "conv" -> conv(a, tensorArgument(c, 1), c.keywords(), column);
      case "full_conv" -> fullConv(a, tensorArgument(c, 1), c.keywords(), column);
      case "rot180" -> a.respace(a.spatial(), i -> reversed(a.spatial(), i, -1), budget, column);
      case "flip" -> a.respace(a.spatial(), i -> reversed(a.spatial(), i, 0), budget, column);
      case "transpose" -> transpose(a, column);
      case "dilate" -> dilate(a, amount(c, 1, 1), column);
      case "pad" -> pad(a, amount(c, 1, 0), column);
      case "crop" -> crop(a, amount(c, 1, 0), column);
      case "sum" -> a.sumPositionsAndBatch(budget, column);
      default -> throw new ClaimException(column, "unknown function '" + f + "'");
    });
  }

  private Grid tensorArgument(Expr.Call c, int i) {
    Expr arg = c.arguments().get(i);
    if (evaluate(arg) instanceof Tensor t) {
      return t.grid();
    }
    throw new ClaimException(arg.column(), "argument " + (i + 1) + " of " + c.function()
        + " must be a whole tensor such as X, F or dL/dO");
  }

  private int amount(Expr.Call c, int i, int least) {
    Expr arg = c.arguments().get(i);
    if (!(arg instanceof Expr.Number n)) {
      throw new ClaimException(arg.column(), "argument " + (i + 1) + " of " + c.function()
          + " must be a whole number");
    }
    return check(c.function(), n.value(), least, arg.column());
  }

  private static int check(String role, long v, int least, int column) {
    if (v < least || v > MAX_AMOUNT) {
      throw new ClaimException(column, role + " (" + v + ") must be between " + least
          + " and " + MAX_AMOUNT);
    }
    return (int) v;
  }

  /** Reverses spatial axis {@code axis}, or every axis when it is -1 (a 180-degree rotation). */
  private static int[] reversed(Dims size, int[] i, int axis) {
    int[] from = i.clone();
    for (int a = 0; a < from.length; a++) {
      if (axis < 0 || a == axis) {
        from[a] = size.get(a) - 1 - i[a];
      }
    }
    return from;
  }

  private Grid transpose(Grid a, int column) {
    if (a.spatialRank() != 2) {
      throw new ClaimException(column, "transpose needs 2 spatial axes, not " + a.spatialRank());
    }
    Dims s = a.spatial();
    return a.respace(Dims.of(s.get(1), s.get(0)), i -> new int[] {i[1], i[0]}, budget, column);
  }

  /** {@code s - 1} zeros between neighbouring entries, as a stride-s gradient needs. */
  private Grid dilate(Grid a, int s, int column) {
    Dims size = a.spatial();
    int[] out = new int[size.rank()];
    for (int x = 0; x < out.length; x++) {
      out[x] = s * (size.get(x) - 1) + 1;
    }
    return a.respace(Dims.of(out), i -> {
      int[] from = new int[i.length];
      for (int x = 0; x < i.length; x++) {
        if (i[x] % s != 0) {
          return null;
        }
        from[x] = i[x] / s;
      }
      return from;
    }, budget, column);
  }

  private Grid pad(Grid a, int p, int column) {
    Dims size = a.spatial();
    return a.respace(size.plus(Dims.filled(size.rank(), 2 * p)), i -> {
      int[] from = new int[i.length];
      for (int x = 0; x < i.length; x++) {
        from[x] = i[x] - p;
        if (from[x] < 0 || from[x] >= size.get(x)) {
          return null;
        }
      }
      return from;
    }, budget, column);
  }

  private Grid crop(Grid a, int p, int column) {
    Dims size = a.spatial();
    int[] out = new int[size.rank()];
    for (int x = 0; x < out.length; x++) {
      out[x] = size.get(x) - 2 * p;
      if (out[x] < 1) {
        throw new ClaimException(column, "crop (" + p + ") leaves nothing of size " + size);
      }
    }
    return a.respace(Dims.of(out), i -> {
      int[] from = i.clone();
      for (int x = 0; x < i.length; x++) {
        from[x] += p;
      }
      return from;
    }, budget, column);
  }

  /**
   * Valid convolution (cross-correlation). The second operand is the kernel when it fits inside
   * the first, otherwise the first is; with equal sizes both readings agree. So
   * {@code conv(X, dL/dO)} and {@code conv(dL/dO, X)} mean the same.
   */
  private Grid conv(Grid a, Grid b, Map<String, Long> kw, int column) {
    int rank = a.spatialRank();
    int s = check("stride", kw.getOrDefault("stride", 1L), 1, column);
    int d = check("dilation", kw.getOrDefault("dilation", 1L), 1, column);
    int p = check("padding", kw.getOrDefault("padding", 0L), 0, column);
    boolean bIsKernel = fits(b, a, d, p);
    Grid input = bIsKernel ? a : b;
    Grid kernel = bIsKernel ? b : a;
    return Grid.correlate(input, kernel, filled(rank, s), filled(rank, d), filled(rank, p),
        filled(rank, p), budget, column);
  }

  /**
   * Full convolution as the classic article reads it: the first operand slides over the second,
   * which is zero-padded by the first's span minus one on every side. {@code full_conv(rot180(F),
   * dL/dO)} is therefore the input gradient of a stride-1 layer.
   */
  private Grid fullConv(Grid a, Grid b, Map<String, Long> kw, int column) {
    int rank = a.spatialRank();
    int s = check("stride", kw.getOrDefault("stride", 1L), 1, column);
    int d = check("dilation", kw.getOrDefault("dilation", 1L), 1, column);
    int[] pad = new int[rank];
    for (int x = 0; x < Math.min(rank, a.spatial().rank()); x++) {
      pad[x] = d * (a.spatial().get(x) - 1);
    }
    return Grid.correlate(b, a, filled(rank, s), filled(rank, d), pad, pad, budget, column);
  }

  private static boolean fits(Grid kernel, Grid input, int d, int p) {
    if (kernel.spatialRank() != input.spatialRank()) {
      return true;
    }
    for (int x = 0; x < kernel.spatialRank(); x++) {
      if (d * (kernel.spatial().get(x) - 1) + 1 > input.spatial().get(x) + 2 * p) {
        return false;
      }
    }
    return true;
  }

  private static int[] filled(int rank, int v) {
    int[] out = new int[rank];
    java.util.Arrays.fill(out, v);
    return out;
  }
}
