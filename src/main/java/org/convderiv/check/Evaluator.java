package org.convderiv.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
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
      case "conv", "full_conv" -> Set.of("stride", "dilation", "padding", "groups");
      default -> Set.of();
    };
    for (Map.Entry<String, Expr.Amount> k : c.keywords().entrySet()) {
      if (!allowed.contains(k.getKey())) {
        throw new ClaimException(k.getValue().column(), f + " takes no keyword " + k.getKey()
            + "=" + (allowed.isEmpty() ? ""
                : " (it takes stride=, dilation=, padding= and groups=)"));
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
    if (tensors == 2) {
      Grid b = tensorArgument(c, 1);
      Settings set = settings(c, a, b);
      boolean full = f.equals("full_conv");
      Grid joined = grouped(a, b, set.groups(), column,
          (x, y) -> full ? fullConv(x, y, set, column) : conv(x, y, set, column));
      return new Tensor(full ? cropPadding(joined, set, column)
          : cropToKernel(joined, set.dilation(), column));
    }
    int rank = a.spatialRank();
    return new Tensor(switch (f) {
      case "rot180" -> a.respace(a.spatial(), i -> reversed(a.spatial(), i, -1), budget, column);
      case "flip" -> a.respace(a.spatial(), i -> reversed(a.spatial(), i, 0), budget, column);
      case "transpose" -> transpose(a, column);
      case "dilate" -> dilate(a, filled(rank, amount(c, 1, 1)), column);
      case "pad" -> {
        int[] p = filled(rank, amount(c, 1, 0));
        yield pad(a, p, p, column);
      }
      case "crop" -> {
        int[] p = filled(rank, amount(c, 1, 0));
        yield crop(a, p, p, column);
      }
      case "sum" -> a.sumPositionsAndBatch(budget, column);
      default -> throw new ClaimException(column, "unknown function '" + f + "'");
    });
  }

  /** The keywords of conv or full_conv, one value per spatial axis. */
  private record Settings(int[] stride, int[] dilation, int[] padBefore, int[] padAfter,
      int groups) {}

  private Settings settings(Expr.Call c, Grid a, Grid b) {
    int rank = a.spatialRank();
    if (b.spatialRank() != rank || rank == 0) {
      throw new ClaimException(c.column(), "convolution operands must have the same number of"
          + " spatial axes, not " + rank + " and " + b.spatialRank());
    }
    Map<String, Expr.Amount> kw = c.keywords();
    Expr.Amount groups = kw.get("groups");
    return new Settings(perAxis("stride", kw, false, 1, rank),
        perAxis("dilation", kw, false, 1, rank),
        perAxis("padding", kw, false, 0, rank),
        perAxis("padding", kw, true, 0, rank),
        groups == null ? 1 : check("groups", groups.before().get(0), 1, groups.column()));
  }

  /**
   * Keyword {@code name}'s values for {@code rank} spatial axes, at least {@code least} each;
   * {@code least} is also the default (1 for stride and dilation, 0 for padding).
   */
  private static int[] perAxis(String name, Map<String, Expr.Amount> kw, boolean after,
      int least, int rank) {
    Expr.Amount amount = kw.get(name);
    if (amount == null) {
      return filled(rank, least);
    }
    List<Long> values = after ? amount.after() : amount.before();
    if (values.size() != 1 && values.size() != rank) {
      throw new ClaimException(amount.column(), name + " (" + amount.text() + ") must"
          + " give one number for all spatial axes or one per axis (" + rank + ")");
    }
    int[] out = new int[rank];
    for (int x = 0; x < rank; x++) {
      out[x] = check(name, values.get(values.size() == 1 ? 0 : x), least,
          amount.column());
    }
    return out;
  }

  /**
   * A grouped layer's channels are {@code groups} independent blocks: block g of one operand
   * meets only block g of the other, and the results are joined in block order. A tensor with
   * both channel axes (a filter) is split along co, since its ci already counts within a group;
   * a tensor with one channel axis is split along it.
   */
  private Grid grouped(Grid a, Grid b, int groups, int column,
      BinaryOperator<Grid> op) {
    if (groups == 1) {
      return op.apply(a, b);
    }
    List<Grid> blocks = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      blocks.add(op.apply(block(a, g, groups, column), block(b, g, groups, column)));
    }
    return Grid.concat(blocks, groupAxis(blocks.get(0), column), budget, column);
  }

  private Grid block(Grid t, int g, int groups, int column) {
    Axis axis = groupAxis(t, column);
    int size = t.shape().get(t.axes().indexOf(axis));
    if (size % groups != 0) {
      throw new ClaimException(column, "groups (" + groups + ") must divide the " + size
          + " channels of axis " + axis.label() + " of an operand of shape " + t.describe());
    }
    return t.slice(axis, g * (size / groups), size / groups, budget, column);
  }

  private static Axis groupAxis(Grid t, int column) {
    if (t.axes().contains(Axis.CHANNEL_OUT)) {
      return Axis.CHANNEL_OUT;
    }
    if (t.axes().contains(Axis.CHANNEL_IN)) {
      return Axis.CHANNEL_IN;
    }
    throw new ClaimException(column, "groups= needs operands with a channel axis co or ci, not"
        + " " + t.describe());
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
  private Grid dilate(Grid a, int[] s, int column) {
    Dims size = a.spatial();
    int[] out = new int[size.rank()];
    for (int x = 0; x < out.length; x++) {
      out[x] = s[x] * (size.get(x) - 1) + 1;
    }
    return a.respace(Dims.of(out), i -> {
      int[] from = new int[i.length];
      for (int x = 0; x < i.length; x++) {
        if (i[x] % s[x] != 0) {
          return null;
        }
        from[x] = i[x] / s[x];
      }
      return from;
    }, budget, column);
  }

  private Grid pad(Grid a, int[] before, int[] after, int column) {
    Dims size = a.spatial();
    int[] out = new int[size.rank()];
    for (int x = 0; x < out.length; x++) {
      out[x] = size.get(x) + before[x] + after[x];
    }
    return a.respace(Dims.of(out), i -> {
      int[] from = new int[i.length];
      for (int x = 0; x < i.length; x++) {
        from[x] = i[x] - before[x];
        if (from[x] < 0 || from[x] >= size.get(x)) {
          return null;
        }
      }
      return from;
    }, budget, column);
  }

  private Grid crop(Grid a, int[] before, int[] after, int column) {
    Dims size = a.spatial();
    int[] out = new int[size.rank()];
    for (int x = 0; x < out.length; x++) {
      out[x] = size.get(x) - before[x] - after[x];
      if (out[x] < 1) {
        throw new ClaimException(column, "crop (" + before[x] + " before, " + after[x]
            + " after) must leave something of size " + size + " on axis " + (x + 1));
      }
    }
    return a.respace(Dims.of(out), i -> {
      int[] from = i.clone();
      for (int x = 0; x < i.length; x++) {
        from[x] += before[x];
      }
      return from;
    }, budget, column);
  }

  /**
   * Valid convolution (cross-correlation). The second operand is the kernel when it fits inside
   * the first, otherwise the first is; with equal sizes both readings agree. So
   * {@code conv(X, dL/dO)} and {@code conv(dL/dO, X)} mean the same. Only the input is padded;
   * the kernel is dilated by {@code dilation=} and the result sampled every {@code stride=}.
   */
  private Grid conv(Grid a, Grid b, Settings set, int column) {
    boolean bIsKernel = fits(b, a, set);
    Grid input = bIsKernel ? a : b;
    Grid kernel = bIsKernel ? b : a;
    return Grid.correlate(input, kernel, set.stride(), set.dilation(), set.padBefore(),
        set.padAfter(), budget, column);
  }

  /**
   * dL/dF read as a convolution (reference section 3) samples {@code Xp} with dL/dO dilated by
   * the layer's stride s as the kernel. When no window of a stride-s forward pass reached the
   * last {@code r < s} rows of {@code Xp}, the correlation still runs over them and yields up
   * to {@code r / d} positions past the kernel's size: filter entries that do not exist. So a
   * filter-shaped result (axes co, ci) that overshoots the layer's kernel by fewer positions
   * than the sliding operand's dilation is cropped to the kernel; any larger misfit stays and
   * is reported as a wrong shape.
   */
  private Grid cropToKernel(Grid r, int[] dilation, int column) {
    if (!r.axes().equals(Grid.axesOf(TensorName.F)) || r.spatialRank() != spec.rank()) {
      return r;
    }
    int[] after = new int[spec.rank()];
    boolean any = false;
    for (int x = 0; x < after.length; x++) {
      int excess = r.spatial().get(x) - spec.kernel().get(x);
      if (excess > 0 && excess < dilation[x]) {
        after[x] = excess;
        any = true;
      }
    }
    return any ? crop(r, new int[after.length], after, column) : r;
  }

  /**
   * Full convolution as the classic article reads it: the first operand, dilated by
   * {@code dilation=}, slides over the second, which is dilated by {@code stride=} (s - 1 zeros
   * between entries) and zero-padded by the first's dilated span minus one on every side.
   * {@code full_conv(rot180(F), dL/dO, stride=s, dilation=d)} is therefore the padded input's
   * gradient of a layer with stride s and dilation d, before {@link #cropPadding}.
   */
  private Grid fullConv(Grid a, Grid b, Settings set, int column) {
    int rank = a.spatialRank();
    int[] border = new int[rank];
    for (int x = 0; x < rank; x++) {
      border[x] = set.dilation()[x] * (a.spatial().get(x) - 1);
    }
    return Grid.correlate(dilate(b, set.stride(), column), a, filled(rank, 1), set.dilation(),
        border, border, budget, column);
  }

  /**
   * Turns the padded input's gradient into the input's: first the rows a stride-s forward pass
   * never read, then the padding. The full convolution ends at the last row a window reached;
   * the {@code r < s} rows after it have gradient 0 and are appended, as PyTorch's transposed
   * convolution does with output_padding. How many there are depends on the input's size,
   * which the operands do not tell, so an input-shaped result (axes n, ci) that falls short of
   * the layer's padded input by fewer rows than the stride is extended to it. Then
   * {@code padding=} rows are cropped before and after on each axis.
   */
  private Grid cropPadding(Grid full, Settings set, int column) {
    int rank = full.spatialRank();
    int[] unread = new int[rank];
    if (full.axes().equals(Grid.axesOf(TensorName.X)) && rank == spec.rank()) {
      for (int x = 0; x < rank; x++) {
        int shortfall = spec.input().get(x) + set.padBefore()[x] + set.padAfter()[x]
            - full.spatial().get(x);
        unread[x] = shortfall > 0 && shortfall < set.stride()[x] ? shortfall : 0;
      }
    }
    Grid extended = Arrays.stream(unread).allMatch(r -> r == 0) ? full
        : pad(full, new int[rank], unread, column);
    return crop(extended, set.padBefore(), set.padAfter(), column);
  }

  private static boolean fits(Grid kernel, Grid input, Settings set) {
    for (int x = 0; x < kernel.spatialRank(); x++) {
      if (set.dilation()[x] * (kernel.spatial().get(x) - 1) + 1
          > input.spatial().get(x) + set.padBefore()[x] + set.padAfter()[x]) {
        return false;
      }
    }
    return true;
  }

  private static int[] filled(int rank, int v) {
    int[] out = new int[rank];
    Arrays.fill(out, v);
    return out;
  }
}
