package org.convderiv.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.convderiv.chain.ChainRuleSum;
import org.convderiv.derive.Derivation;
import org.convderiv.differentiate.LocalGradient;
import org.convderiv.expand.OutputExpansion;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.NumericCheck;
import org.convderiv.numeric.NumericRun;
import org.convderiv.recognize.ConvolutionForm;
import org.convderiv.recognize.Recognition;
import org.convderiv.recognize.SymTensor;
import org.convderiv.render.TermFormatter.Style;
import org.convderiv.render.TermFormatter.Term;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Everything the worksheet templates print, built once from a {@link Derivation}: formulas as
 * LaTeX math markup (valid in both the {@code .tex} and the Markdown {@code $$} blocks), numbers
 * and flags. No sentence lives here; the templates own the wording.
 *
 * <p>Large layers are shown through a stated selection: at most {@link #SHOWN} elements per
 * list, chosen by {@link #selection}, while the derivation behind the worksheet covers (and the
 * numeric check tests) every element. Grids wider than {@link #GRID_LIMIT} on an axis are shown
 * with dots.
 *
 * <p>{@code latexFigures} and {@code markdownFigures} are the hook for figures (name to markup,
 * for example {@code window}, {@code flips}, {@code full}); empty until {@link WorksheetFigures}
 * fills them, together with {@code figureNotes}. Each template sees its own map as
 * {@code figures}.
 */
public record WorksheetModel(
    String name,
    Layer layer,
    NotationView notation,
    Setup setup,
    Listing<Equation> forward,
    List<LocalGroup> local,
    List<ChainGroup> chain,
    RecognitionView filterGradient,
    RecognitionView inputGradient,
    RecognitionView biasGradient,
    Rotation rotation,
    NumericView numeric,
    Map<String, String> latexFigures,
    Map<String, String> markdownFigures,
    FigureNotes figureNotes) {

  /** Elements shown per list before a selection is made. */
  public static final int SHOWN = 16;

  /** Terms of one sum written out at most; longer sums show their start and their last term. */
  public static final int SUM_TERMS = 48;

  /** Entries per grid axis shown in full; longer axes show the first 3, dots and the last 2. */
  public static final int GRID_LIMIT = 8;

  /**
   * Outputs up to which the upstream gradient prints as a fraction, as in the article; past it
   * the short {@code G} keeps the long sums readable.
   */
  public static final int FRACTION_OUTPUTS = 16;

  /**
   * Terms shown per chain-rule list at most: sums of hundreds of terms (a 5x5 filter on a 28x28
   * input) cut the selection down to {@link #SHOWN_LONG} elements to keep the document readable.
   */
  static final int SHOWN_TERMS = 3000;

  static final int SHOWN_LONG = 5;

  /** Usable width of a display line, in the rough units of {@link Term#width}. */
  static final double LINE_WIDTH = 62;

  public record Layer(int rank, List<Integer> input, List<Integer> kernel, List<Integer> output,
      List<Integer> stride, List<Integer> dilation, List<Integer> padBefore,
      List<Integer> padAfter, String padding, int batch, int channelsIn, int channelsOut,
      int groups, boolean bias, String convention, boolean crossCorrelation, boolean classic,
      boolean strided, boolean dilated, boolean padded, List<SizeAxis> sizes,
      boolean shortenedSums) {}

  /**
   * What the figures leave out, for their captions: the output elements whose windows are drawn
   * (markup), out of {@code outputs}; the corner of the padded input drawn when it is cut, out of
   * {@code inputShape}; whether the full-convolution figure and the dilated gradient show a
   * corner only; whether the filter was too large to draw its flips.
   */
  public record FigureNotes(List<String> windowOutputs, int outputs, boolean windowCropped,
      List<Integer> windowCorner, List<Integer> inputShape, boolean fullCropped,
      boolean gradientCropped, boolean flipsOmitted) {}

  /** The numbers of the output-size formula on one axis (1-based {@code axis}). */
  public record SizeAxis(int axis, int input, int padBefore, int padAfter, int dilation,
      int kernel, int stride, int reach, int output, int unread) {}

  /** Examples of the document's notation, as markup. */
  public record NotationView(boolean compact, boolean fraction, String input, String filter,
      String output, String gradient, String lossByInput, String longIndex, boolean showBatch,
      boolean showChannelIn, boolean showChannelOut) {}

  /** A grid as a {@code bmatrix} (several side by side for three spatial axes). */
  public record Grid(String matrix, List<Integer> shape, boolean elided) {}

  /** The symbols of the layer: one slice (batch 1, channel 1) of X, F, O and dL/dO. */
  public record Setup(Grid x, Grid f, Grid o, Grid g, boolean sliced) {}

  /** Some of a list's elements, with how many there are in all. */
  public record Listing<T>(List<T> items, int total, boolean partial) {
    static <T> Listing<T> of(List<T> all) {
      return of(all, SHOWN);
    }

    static <T> Listing<T> of(List<T> all, int max) {
      return of(all.size(), max, all::get);
    }

    /**
     * The selection of {@code total} elements, built by {@code make} for the chosen positions
     * only: a large layer has hundreds of thousands of elements, and formatting all of them to
     * show sixteen would cost more than the derivation.
     */
    static <T> Listing<T> of(int total, int max, IntFunction<T> make) {
      List<Integer> chosen = selection(total, max);
      List<T> items = new ArrayList<>(chosen.size());
      for (int i : chosen) {
        items.add(make.apply(i));
      }
      return new Listing<>(List.copyOf(items), total, items.size() < total);
    }
  }

  /** {@code lhs = rows...}: the right-hand side broken into display lines. */
  public record Equation(String lhs, List<String> rows) {}

  /** Local gradients of one output with respect to one tensor, as display lines. */
  public record LocalGroup(String tensor, String label, Listing<Equation> outputs) {}

  /** One chain-rule sum: the products of derivatives, then the local gradients substituted. */
  public record ChainStep(String lhs, List<String> expanded, List<String> substituted,
      int contributions) {}

  /** The chain rule for every element of one tensor ({@code X}, {@code F} or {@code b}). */
  public record ChainGroup(String tensor, String symbol, String element,
      Listing<ChainStep> steps) {}

  /** A recognized convolution, its proof and the grids it is made of (by operand role). */
  public record RecognitionView(String kind, String text, boolean proved, int compared,
      int total, String mismatchTarget, String mismatchDerived, String mismatchRecognized,
      List<Integer> stride, List<Integer> dilation, List<Integer> padBefore,
      List<Integer> padAfter, List<Integer> unread, boolean hasUnread, boolean sumOverBatch,
      boolean sumOverChannels, boolean plain, Map<String, Grid> grids) {}

  /**
   * The 180-degree rotation as a vertical then a horizontal flip; {@code flipped} is 2-D only.
   * {@code stacked}: three grids this wide do not fit one line.
   */
  public record Rotation(Grid filter, Grid flipped, Grid rotated, boolean stacked) {}

  public record NumericView(String engine, String engineVersion, boolean passed,
      List<RunView> runs, RunView shown, Grid x, Grid f, Grid g, Grid b,
      Listing<ValueRow> filterRows, Listing<ValueRow> inputRows, Listing<ValueRow> biasRows) {}

  /** One run of the numeric check; finite differences cover a sample of a large layer. */
  public record RunView(String label, boolean exact, String maxEngineDifference,
      String maxFiniteDifference, int finiteDifferenceElements, int totalElements,
      boolean passed) {}

  /** One gradient element evaluated from the symbolic result and by the engine. */
  public record ValueRow(String element, String symbolic, String engine) {}

  /** The model of a derivation with no case name. */
  public static WorksheetModel of(Derivation d) {
    return of(d, null);
  }

  /** The model of a derivation; {@code name} is user text, printed escaped, or null. */
  public static WorksheetModel of(Derivation d, String name) {
    LayerSpec spec = d.spec();
    long outputs = LayerValues.oShape(spec).volume();
    Style style = outputs <= FRACTION_OUTPUTS ? Style.FRACTION : Style.SHORT;
    TermFormatter fmt = new TermFormatter(d.notation(), style);
    Builder b = new Builder(spec, fmt);

    Map<String, RecognitionView> recognized = new TreeMap<>();
    Rotation rotation = null;
    for (Recognition r : d.recognitions()) {
      RecognitionView view = b.recognition(r, d.chain().of(tensorOf(r.form().kind())).size());
      recognized.put(view.kind(), view);
      if (r.form().kind() == ConvolutionForm.Kind.INPUT_GRADIENT) {
        rotation = b.rotation(r.form());
      }
    }
    for (Recognition r : d.recognitions()) {
      // Under the true convolution the rotation belongs to the filter gradient.
      if (rotation == null && r.form().operand("rotated-filter") != null) {
        rotation = b.rotation(r.form());
      }
    }

    List<LocalGroup> local = new ArrayList<>();
    local.add(b.localGroup(d.local().withRespectTo(TensorName.F), TensorName.F, "A"));
    local.add(b.localGroup(d.local().withRespectTo(TensorName.X), TensorName.X, "B"));
    List<ChainGroup> chain = new ArrayList<>();
    chain.add(b.chainGroup(d.chain().filter(), TensorName.F));
    chain.add(b.chainGroup(d.chain().input(), TensorName.X));
    if (spec.bias()) {
      local.add(b.localGroup(d.local().withRespectTo(TensorName.B), TensorName.B, "C"));
      chain.add(b.chainGroup(d.chain().bias(), TensorName.B));
    }

    Listing<Equation> forward = b.forward(d.forward().outputs());
    // The layer is described last, once it is known whether any shown sum was shortened.
    return new WorksheetModel(name, b.layer(), b.notationView(), b.setup(),
        forward, List.copyOf(local), List.copyOf(chain),
        recognized.get("filter"), recognized.get("input"), recognized.get("bias"), rotation,
        d.check() == null ? null : b.numeric(d.check()), Map.of(), Map.of(), null);
  }

  /** The same model with figure markup attached, one map per output format. */
  public WorksheetModel withFigures(Map<String, String> latex, Map<String, String> markdown,
      FigureNotes notes) {
    return new WorksheetModel(name, layer, notation, setup, forward, local, chain,
        filterGradient, inputGradient, biasGradient, rotation, numeric,
        Map.copyOf(new TreeMap<>(latex)), Map.copyOf(new TreeMap<>(markdown)), notes);
  }

  /**
   * The positions shown out of {@code n}: all of them up to {@code max}; beyond, the first
   * {@code max - 2} (the first rows in row-major order), the middle one and the last one.
   */
  public static List<Integer> selection(int n, int max) {
    TreeSet<Integer> chosen = new TreeSet<>();
    if (n <= max) {
      for (int i = 0; i < n; i++) {
        chosen.add(i);
      }
    } else {
      for (int i = 0; i < max - 2; i++) {
        chosen.add(i);
      }
      chosen.add(Math.max(n / 2, max - 2));
      chosen.add(n - 1);
    }
    return List.copyOf(chosen);
  }

  private static TensorName tensorOf(ConvolutionForm.Kind kind) {
    return switch (kind) {
      case FILTER_GRADIENT -> TensorName.F;
      case INPUT_GRADIENT -> TensorName.X;
      case BIAS_GRADIENT -> TensorName.B;
    };
  }

  /** The builders of each part, sharing the layer and the formatter. */
  private static final class Builder {
    private final LayerSpec spec;
    private final TermFormatter fmt;
    private final Notation notation;
    private boolean shortened;

    Builder(LayerSpec spec, TermFormatter fmt) {
      this.spec = spec;
      this.fmt = fmt;
      this.notation = fmt.notation();
    }

    Layer layer() {
      List<SizeAxis> sizes = new ArrayList<>();
      for (int a = 0; a < spec.rank(); a++) {
        sizes.add(new SizeAxis(a + 1, spec.input().get(a), spec.padBefore().get(a),
            spec.padAfter().get(a), spec.dilation().get(a), spec.kernel().get(a),
            spec.stride().get(a), spec.reach(a), spec.output().get(a),
            spec.unreadRemainder(a)));
      }
      boolean padded = !spec.padBefore().allEqual(0) || !spec.padAfter().allEqual(0);
      return new Layer(spec.rank(), list(spec.input()), list(spec.kernel()),
          list(spec.output()), list(spec.stride()), list(spec.dilation()),
          list(spec.padBefore()), list(spec.padAfter()), spec.padding().describe(),
          spec.batch(), spec.channelsIn(), spec.channelsOut(), spec.groups(), spec.bias(),
          spec.convention().label(),
          spec.convention() == org.convderiv.layer.Convention.CROSS_CORRELATION,
          spec.isClassic(), !spec.stride().allEqual(1), !spec.dilation().allEqual(1), padded,
          List.copyOf(sizes), shortened);
    }

    NotationView notationView() {
      Variable x = first(TensorName.X, spec.input());
      int[] longIndex = new int[spec.rank() + 2];
      longIndex[2] = 9;
      longIndex[longIndex.length - 1] = spec.rank() > 1 ? 1 : 9;
      return new NotationView(notation.compact(), fmt.style() == Style.FRACTION, fmt.latex(x),
          fmt.latex(first(TensorName.F, spec.kernel())),
          fmt.latex(first(TensorName.O, spec.output())),
          fmt.latex(first(TensorName.G, spec.output())), fmt.lossDerivative(x),
          new TermFormatter(new Notation(false, false, false, false, false), fmt.style())
              .latex(Variable.of(TensorName.X, longIndex)),
          notation.showBatch(), notation.showChannelIn(), notation.showChannelOut());
    }

    Setup setup() {
      boolean sliced = notation.showBatch() || notation.showChannelIn()
          || notation.showChannelOut();
      return new Setup(symbols(TensorName.X, spec.input()), symbols(TensorName.F, spec.kernel()),
          symbols(TensorName.O, spec.output()), symbols(TensorName.G, spec.output()), sliced);
    }

    Listing<Equation> forward(List<OutputExpansion> outputs) {
      return Listing.of(outputs.size(), SHOWN, i -> {
        OutputExpansion o = outputs.get(i);
        String lhs = fmt.latex(o.output());
        return new Equation(lhs, lines(fmt.latexTerms(o.expression()), fmt.width(o.output())));
      });
    }

    LocalGroup localGroup(List<LocalGradient> gradients, TensorName tensor, String label) {
      // Group by output, keeping the order in which the derivation lists the outputs; only
      // the groups shown are formatted.
      Map<Variable, List<LocalGradient>> byOutput = new LinkedHashMap<>();
      for (LocalGradient g : gradients) {
        if (!g.value().isZero()) {
          byOutput.computeIfAbsent(g.output(), k -> new ArrayList<>()).add(g);
        }
      }
      List<Map.Entry<Variable, List<LocalGradient>>> groups = new ArrayList<>(byOutput.entrySet());
      return new LocalGroup(name(tensor), label, Listing.of(groups.size(), SHOWN, i -> {
        List<Term> terms = new ArrayList<>();
        for (LocalGradient g : groups.get(i).getValue()) {
          String value = fmt.latex(g.value());
          String body = fmt.localDerivative(g.output(), g.wrt()) + " = " + value;
          double width = 5 + 1.4 * notation.indexText(g.wrt()).length() + value.length() / 4.0;
          terms.add(new Term(false, body, width));
        }
        return new Equation(fmt.latex(groups.get(i).getKey()), commaLines(terms));
      }));
    }

    ChainGroup chainGroup(List<ChainRuleSum> sums, TensorName tensor) {
      int longest = 0;
      for (ChainRuleSum s : sums) {
        longest = Math.max(longest, s.contributions().size());
      }
      Listing<ChainStep> shown = Listing.of(sums.size(), shownFor(longest), i -> {
        ChainRuleSum s = sums.get(i);
        String lhs = fmt.lossDerivative(s.target());
        double lhsWidth = 2.2 + 0.7 * notation.indexText(s.target()).length();
        List<Term> products = new ArrayList<>();
        for (LocalGradient c : s.contributions()) {
          Variable upstream = new Variable(TensorName.G, c.output().index());
          String body = fmt.latex(upstream) + " \\cdot " + fmt.localDerivative(c.output(), c.wrt());
          double width = fmt.width(upstream) + 1.5 + 2.2
              + 0.7 * notation.indexText(c.wrt()).length();
          products.add(new Term(false, body, width));
        }
        return new ChainStep(lhs, lines(products, lhsWidth),
            lines(fmt.latexTerms(s.value()), lhsWidth), s.contributions().size());
      });
      Variable first = sums.isEmpty() ? null : sums.get(0).target();
      return new ChainGroup(name(tensor),
          "\\frac{\\partial L}{\\partial " + name(tensor) + "}",
          first == null ? "" : fmt.latex(first), shown);
    }

    private static int shownFor(int longestSum) {
      return longestSum * SHOWN <= SHOWN_TERMS ? SHOWN
          : Math.max(SHOWN_LONG, SHOWN_TERMS / Math.max(1, longestSum));
    }

    RecognitionView recognition(Recognition r, int total) {
      ConvolutionForm form = r.form();
      String kind = switch (form.kind()) {
        case FILTER_GRADIENT -> "filter";
        case INPUT_GRADIENT -> "input";
        case BIAS_GRADIENT -> "bias";
      };
      Map<String, Grid> grids = new TreeMap<>();
      for (ConvolutionForm.Operand o : form.operands()) {
        grids.put(o.role(), grid(o.grid()));
      }
      boolean hasUnread = form.unread() != null && !form.unread().allEqual(0);
      var m = r.mismatch();
      return new RecognitionView(kind, form.text(), r.proved(), r.elementsCompared(), total,
          m == null ? null : fmt.lossDerivative(m.target()),
          m == null ? null : fmt.latex(m.derived()),
          m == null ? null : fmt.latex(m.recognized()),
          list(form.stride()), list(form.dilation()), list(form.padBefore()),
          list(form.padAfter()), form.unread() == null ? List.of() : list(form.unread()),
          hasUnread, form.sumOverBatch(), form.sumOverChannels(), form.isPlain(),
          Map.copyOf(grids));
    }

    Rotation rotation(ConvolutionForm form) {
      ConvolutionForm.Operand filter = form.operand("filter");
      ConvolutionForm.Operand rotated = form.operand("rotated-filter");
      if (filter == null || rotated == null) {
        return null;
      }
      ConvolutionForm.Operand flipped = form.operand("flipped-filter");
      Dims shape = filter.grid().shape();
      int columns = shape.get(shape.rank() - 1);
      boolean stacked = columns > (notation.compact() ? 4 : 3) || shape.max() > GRID_LIMIT;
      return new Rotation(grid(filter.grid()), flipped == null ? null : grid(flipped.grid()),
          grid(rotated.grid()), stacked);
    }

    NumericView numeric(NumericCheck check) {
      List<RunView> runs = new ArrayList<>();
      for (NumericRun r : check.runs()) {
        runs.add(new RunView(r.label(), r.exact(), error(r.maxEngineDifference()),
            error(r.maxFiniteDifference()), r.finiteDifferenceElements(), r.totalElements(),
            r.passed()));
      }
      if (check.runs().isEmpty()) {
        return new NumericView(check.engine(), check.engineVersion(), check.passed(),
            List.copyOf(runs), null, null, null, null, null, null, null, null);
      }
      // The first run (small integers when present) is the one a lecturer can redo by hand.
      NumericRun r = check.runs().get(0);
      LayerValues v = r.values();
      return new NumericView(check.engine(), check.engineVersion(), check.passed(),
          List.copyOf(runs), runs.get(0), values(v.x(), r.exact()), values(v.f(), r.exact()),
          values(v.g(), r.exact()), v.b() == null ? null : values(v.b(), r.exact()),
          rows(TensorName.F, r, r.symbolic().df(), r.engine().df()),
          rows(TensorName.X, r, r.symbolic().dx(), r.engine().dx()),
          v.b() == null || r.symbolic().db() == null ? null
              : rows(TensorName.B, r, r.symbolic().db(), r.engine().db()));
    }

    private Listing<ValueRow> rows(TensorName tensor, NumericRun r, Tensor symbolic,
        Tensor engine) {
      return Listing.of(symbolic.size(), SHOWN, k -> {
        Variable v = new Variable(tensor, Dims.of(symbolic.shape().indexAt(k)));
        return new ValueRow(fmt.lossDerivative(v), number(symbolic.at(k), r.exact()),
            number(engine.at(k), r.exact()));
      });
    }

    /** Lines of a sum after {@code lhs =}, continuation lines indented by a quad. */
    private List<String> lines(List<Term> terms, double lhsWidth) {
      if (terms.size() > SUM_TERMS) {
        // A sum over a large batch has as many terms as the batch has outputs: show its start
        // and its last term; every term is still derived, proved and in report.json.
        List<Term> kept = new ArrayList<>(terms.subList(0, SUM_TERMS - 2));
        kept.add(new Term(false, "\\cdots", 1.5));
        kept.add(terms.get(terms.size() - 1));
        terms = kept;
        shortened = true;
      }
      double first = LINE_WIDTH - lhsWidth - 2;
      return TermFormatter.breakLines(terms, first, first - 2);
    }

    /** Items separated by {@code ,\quad}, as many per line as fit. */
    private static List<String> commaLines(List<Term> items) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      double used = 0;
      for (Term t : items) {
        if (line.length() > 0 && used + t.width() + 3 > LINE_WIDTH) {
          lines.add(line.toString());
          line.setLength(0);
          used = 0;
        }
        line.append(line.length() == 0 ? "" : ", \\quad ").append(t.body());
        used += t.width() + 3;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      return lines;
    }

    private Variable first(TensorName tensor, Dims spatial) {
      return new Variable(tensor, Dims.of(new int[spatial.rank() + 2]));
    }

    private Grid symbols(TensorName tensor, Dims spatial) {
      return grid(spatial, k -> {
        int[] s = spatial.indexAt(k);
        int[] idx = new int[s.length + 2];
        System.arraycopy(s, 0, idx, 2, s.length);
        return fmt.latex(Variable.of(tensor, idx));
      });
    }

    private Grid grid(SymTensor t) {
      return grid(t.shape(), k -> fmt.latex(t.entries().get(k)));
    }

    /** The first slice (batch 1, channel 1) of a value tensor; bias is shown whole. */
    private Grid values(Tensor t, boolean exact) {
      Dims shape = t.shape();
      if (shape.rank() != spec.rank() + 2) {
        return grid(shape, k -> number(t.at(k), exact));
      }
      int[] spatial = new int[shape.rank() - 2];
      for (int a = 0; a < spatial.length; a++) {
        spatial[a] = shape.get(a + 2);
      }
      return grid(Dims.of(spatial), k -> number(t.at(k), exact));
    }

    private static Grid grid(Dims shape, IntFunction<String> entry) {
      int rank = shape.rank();
      boolean elided = false;
      for (int a = 0; a < rank; a++) {
        elided |= shape.get(a) > GRID_LIMIT;
      }
      String matrix;
      if (rank == 1) {
        matrix = matrix(1, shape.get(0), (i, j) -> entry.apply(j));
      } else if (rank == 2) {
        matrix = matrix(shape.get(0), shape.get(1),
            (i, j) -> entry.apply(i * shape.get(1) + j));
      } else {
        // Three spatial axes: the slices along the first axis, side by side.
        int rows = shape.get(rank - 2);
        int cols = shape.get(rank - 1);
        int plane = rows * cols;
        int slices = (int) (shape.volume() / plane);
        StringBuilder sb = new StringBuilder();
        for (int s : shown(slices)) {
          sb.append(sb.length() == 0 ? "" : " \\; ");
          if (s < 0) {
            sb.append("\\cdots");
          } else {
            sb.append(matrix(rows, cols, (i, j) -> entry.apply(s * plane + i * cols + j)));
          }
        }
        matrix = sb.toString();
      }
      return new Grid(matrix, list(shape), elided);
    }

    private interface Cell {
      String at(int row, int col);
    }

    private static String matrix(int rows, int cols, Cell cell) {
      List<Integer> shownRows = shown(rows);
      List<Integer> shownCols = shown(cols);
      StringBuilder sb = new StringBuilder("\\begin{bmatrix} ");
      for (int ri = 0; ri < shownRows.size(); ri++) {
        int i = shownRows.get(ri);
        if (ri > 0) {
          sb.append(" \\\\ ");
        }
        for (int ci = 0; ci < shownCols.size(); ci++) {
          int j = shownCols.get(ci);
          if (ci > 0) {
            sb.append(" & ");
          }
          if (i < 0 && j < 0) {
            sb.append("\\ddots");
          } else if (i < 0) {
            sb.append("\\vdots");
          } else if (j < 0) {
            sb.append("\\cdots");
          } else {
            sb.append(cell.at(i, j));
          }
        }
      }
      return sb.append(" \\end{bmatrix}").toString();
    }

    /** Indices shown on an axis of {@code n}; -1 marks the dots. */
    private static List<Integer> shown(int n) {
      List<Integer> out = new ArrayList<>();
      if (n <= GRID_LIMIT) {
        for (int i = 0; i < n; i++) {
          out.add(i);
        }
      } else {
        out.addAll(List.of(0, 1, 2, -1, n - 2, n - 1));
      }
      return out;
    }

    private static String name(TensorName t) {
      return t == TensorName.B ? "b" : t.name();
    }

    private static List<Integer> list(Dims d) {
      List<Integer> out = new ArrayList<>(d.rank());
      for (int a = 0; a < d.rank(); a++) {
        out.add(d.get(a));
      }
      return List.copyOf(out);
    }

    /** A value as a lecturer writes it: integers exactly, reals to six decimals. */
    static String number(double v, boolean exact) {
      if (exact && v == Math.rint(v) && Math.abs(v) < 1e15) {
        return Long.toString((long) v);
      }
      String s = String.format(Locale.ROOT, "%.6f", v);
      return s.equals("-0.000000") ? "0.000000" : s;
    }

    /** A difference: exactly 0, or two significant digits in scientific form. */
    static String error(double v) {
      return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }
  }
}
