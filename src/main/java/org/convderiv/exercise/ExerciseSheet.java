package org.convderiv.exercise;

import java.util.ArrayList;
import java.util.List;
import org.convderiv.derive.Derivation;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.NumericRun;
import org.convderiv.recognize.ConvolutionForm;
import org.convderiv.recognize.Recognition;
import org.convderiv.render.TermFormatter;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * What the exercise templates print: for each exercise its layer, its given values, the
 * elements the questions name, and (in {@link Answers}, read only by the solution templates)
 * the answers. Formula markup is built here as LaTeX math; every sentence is in a template.
 */
public record ExerciseSheet(long seed, List<Item> exercises) {

  /** Usable width of a display line, in the rough units of {@link TermFormatter.Term#width}. */
  static final double LINE_WIDTH = 58;

  /** One exercise as printed. {@code answers} must never reach a student template. */
  public record Item(int number, Layer layer, Given given, Questions questions, Answers answers) {}

  /** The layer's geometry, sizes as lists per axis, and its header in the claim syntax. */
  public record Layer(List<Integer> input, List<Integer> kernel, List<Integer> output,
      List<Integer> stride, List<Integer> dilation, List<Integer> padBefore,
      List<Integer> padAfter, boolean strided, boolean dilated, boolean padded,
      boolean symmetricPadding, int batch, int channelsIn, int channelsOut, int groups,
      boolean bias, boolean crossCorrelation, boolean showBatch, boolean showChannelIn,
      boolean showChannelOut, boolean showFilterChannelIn, boolean compact, String header) {}

  /** A labelled grid of numbers: {@code label} and {@code matrix} are LaTeX math. */
  public record Grid(String label, String matrix) {}

  /** The values handed to the student: X, F and dL/dO, one grid per channel (and slice). */
  public record Given(List<Grid> x, List<Grid> f, List<Grid> g) {}

  /** The elements the questions name, as LaTeX math. */
  public record Questions(String output, String filterGradient, String inputGradient) {}

  /** A sum after {@code lhs =}, broken into display lines. */
  public record Equation(String lhs, List<String> rows) {}

  /**
   * The answers: (a) the forward sum, (b) two gradient sums, (c) the convolution giving dL/dX
   * with its details, (d) the numbers of dL/dX; {@code claims} is the answer key in the plain
   * syntax of {@code convderiv check}, the recognized form {@code form} included.
   */
  public record Answers(Equation output, Equation filterGradient, Equation inputGradient,
      String form, boolean formProved, List<Integer> fullPadding,
      List<Integer> strideGaps, List<Integer> unread, boolean hasUnread,
      boolean sumOverChannels, List<Grid> values, List<String> claims) {}

  /**
   * The sheet without its answers, the only model the student templates receive: a student
   * file cannot print an answer it was never given.
   */
  public ExerciseSheet withoutAnswers() {
    List<Item> items = new ArrayList<>(exercises.size());
    for (Item i : exercises) {
      items.add(new Item(i.number(), i.layer(), i.given(), i.questions(), null));
    }
    return new ExerciseSheet(seed, java.util.Collections.unmodifiableList(items));
  }

  public static ExerciseSheet of(long seed, List<Exercise> exercises) {
    List<Item> items = new ArrayList<>(exercises.size());
    for (Exercise e : exercises) {
      items.add(item(e));
    }
    return new ExerciseSheet(seed, List.copyOf(items));
  }

  private static Item item(Exercise e) {
    Derivation d = e.derivation();
    LayerSpec spec = d.spec();
    TermFormatter fmt = new TermFormatter(d.notation(), TermFormatter.Style.FRACTION);
    Given given = new Given(grids(fmt, TensorName.X, d.values().x(), false),
        grids(fmt, TensorName.F, d.values().f(), false),
        grids(fmt, TensorName.G, d.values().g(), false));
    Questions questions = new Questions(fmt.latex(e.output()),
        fmt.lossDerivative(e.filterElement()), fmt.lossDerivative(e.inputElement()));
    return new Item(e.number(), layer(spec, d.notation()), given, questions, answers(e, fmt));
  }

  private static Answers answers(Exercise e, TermFormatter fmt) {
    Derivation d = e.derivation();
    LayerSpec spec = d.spec();
    Polynomial forward = d.forward().outputs().stream()
        .filter(o -> o.output().equals(e.output())).findFirst().orElseThrow().expression();
    var gradients = d.chain().asMap();
    Polynomial df = gradients.get(e.filterElement());
    Polynomial dx = gradients.get(e.inputElement());
    Recognition input = d.recognitions().stream()
        .filter(r -> r.form().kind() == ConvolutionForm.Kind.INPUT_GRADIENT)
        .findFirst().orElseThrow();

    // The full correlation pads the stride-dilated dL/dO by the dilated kernel's span less one.
    int[] full = new int[spec.rank()];
    int[] gaps = new int[spec.rank()];
    int[] unread = new int[spec.rank()];
    for (int a = 0; a < full.length; a++) {
      full[a] = spec.dilation().get(a) * (spec.kernel().get(a) - 1);
      gaps[a] = spec.stride().get(a) - 1;
      unread[a] = spec.unreadRemainder(a);
    }
    boolean hasUnread = !Dims.of(unread).allEqual(0);

    // The recognizer's form is written in the claim syntax, so the key can hold it too.
    List<String> claims = List.of(
        fmt.plain(e.output()) + " = " + fmt.plain(forward),
        "dL/d" + fmt.plain(e.filterElement()) + " = " + fmt.plain(df),
        "dL/d" + fmt.plain(e.inputElement()) + " = " + fmt.plain(dx),
        input.form().text());
    return new Answers(
        equation(fmt, fmt.latex(e.output()), fmt.width(e.output()), forward),
        gradientEquation(fmt, e.filterElement(), df),
        gradientEquation(fmt, e.inputElement(), dx),
        input.form().text(), input.proved(),
        list(full), list(gaps), list(unread), hasUnread, spec.channelsOut() > spec.groups(),
        grids(fmt, TensorName.X, integerRun(d).symbolic().dx(), true), List.copyOf(claims));
  }

  /** The run at the exercise's own small integers, whose symbolic side gives the numbers. */
  private static NumericRun integerRun(Derivation d) {
    return d.check().runs().stream().filter(NumericRun::exact).findFirst()
        .orElseThrow(() -> new IllegalStateException("derivation has no run at integers"));
  }

  private static Equation gradientEquation(TermFormatter fmt, Variable target, Polynomial p) {
    // A fraction is about as wide as its denominator.
    double width = 2.2 + 0.7 * fmt.notation().indexText(target).length();
    return equation(fmt, fmt.lossDerivative(target), width, p);
  }

  private static Equation equation(TermFormatter fmt, String lhs, double lhsWidth,
      Polynomial p) {
    double first = LINE_WIDTH - lhsWidth - 2;
    return new Equation(lhs, TermFormatter.breakLines(fmt.latexTerms(p), first, first - 2));
  }

  private static Layer layer(LayerSpec s, Notation n) {
    return new Layer(list(s.input()), list(s.kernel()), list(s.output()), list(s.stride()),
        list(s.dilation()), list(s.padBefore()), list(s.padAfter()), !s.stride().allEqual(1),
        !s.dilation().allEqual(1), !s.padBefore().allEqual(0) || !s.padAfter().allEqual(0),
        s.padBefore().equals(s.padAfter()), s.batch(), s.channelsIn(), s.channelsOut(),
        s.groups(), s.bias(), s.convention() == Convention.CROSS_CORRELATION, n.showBatch(),
        n.showChannelIn(), n.showChannelOut(), n.showFilterChannelIn(), n.compact(),
        header(s));
  }

  /**
   * The layer in the settings of a claims file header ({@code input 4x5, kernel 2x2, ...}), with
   * paddings resolved to amounts so that the header means the same layer whatever mode built it.
   */
  static String header(LayerSpec s) {
    StringBuilder sb = new StringBuilder("input ").append(s.input().toSizeString())
        .append(", kernel ").append(s.kernel().toSizeString());
    if (!s.stride().allEqual(1)) {
      sb.append(", stride ").append(s.stride().toSizeString());
    }
    if (!s.padBefore().allEqual(0) || !s.padAfter().allEqual(0)) {
      sb.append(", padding ");
      if (s.padBefore().equals(s.padAfter())) {
        sb.append(s.padBefore().toSizeString());
      } else {
        for (int a = 0; a < s.rank(); a++) {
          sb.append(a == 0 ? "" : "x").append(s.padBefore().get(a)).append(':')
              .append(s.padAfter().get(a));
        }
      }
    }
    if (!s.dilation().allEqual(1)) {
      sb.append(", dilation ").append(s.dilation().toSizeString());
    }
    appendCount(sb, "channels-in", s.channelsIn());
    appendCount(sb, "channels-out", s.channelsOut());
    appendCount(sb, "groups", s.groups());
    appendCount(sb, "batch", s.batch());
    if (s.bias()) {
      sb.append(", bias");
    }
    if (s.convention() != Convention.CROSS_CORRELATION) {
      sb.append(", convention ").append(s.convention().label());
    }
    return sb.toString();
  }

  private static void appendCount(StringBuilder sb, String key, int value) {
    if (value != 1) {
      sb.append(", ").append(key).append(' ').append(value);
    }
  }

  /**
   * One grid per shown leading index (batch and channel) and, for three spatial axes, per
   * depth slice. The label is the tensor's name with the gridded axes written as dots.
   */
  static List<Grid> grids(TermFormatter fmt, TensorName tensor, Tensor t, boolean gradient) {
    Dims shape = t.shape();
    int rank = shape.rank() - 2;
    int gridAxes = Math.min(rank, 2);
    int rows = gridAxes == 2 ? shape.get(shape.rank() - 2) : 1;
    int cols = shape.get(shape.rank() - 1);
    int perGrid = rows * cols;
    List<Grid> out = new ArrayList<>();
    for (int start = 0; start < t.size(); start += perGrid) {
      Variable first = new Variable(tensor, Dims.of(shape.indexAt(start)));
      StringBuilder m = new StringBuilder("\\begin{bmatrix}");
      for (int r = 0; r < rows; r++) {
        m.append(r == 0 ? " " : " \\\\ ");
        for (int c = 0; c < cols; c++) {
          m.append(c == 0 ? "" : " & ").append(Math.round(t.at(start + r * cols + c)));
        }
      }
      out.add(new Grid(label(fmt, first, gridAxes, gradient), m.append(" \\end{bmatrix}")
          .toString()));
    }
    return List.copyOf(out);
  }

  private static String label(TermFormatter fmt, Variable first, int gridAxes,
      boolean gradient) {
    Notation n = fmt.notation();
    int[] shown = n.shownIndex(first);
    StringBuilder index = new StringBuilder();
    for (int i = 0; i < shown.length; i++) {
      if (i > 0 && !n.compact()) {
        index.append(',');
      }
      index.append(i >= shown.length - gridAxes ? "\\cdot" : Integer.toString(shown[i]));
    }
    boolean whole = shown.length == gridAxes;
    TensorName letter = first.tensor() == TensorName.G ? TensorName.O : first.tensor();
    String name = letter.name() + (whole ? "" : "_{" + index + "}");
    return first.tensor() == TensorName.G || gradient
        ? "\\frac{\\partial L}{\\partial " + name + "}" : name;
  }

  private static List<Integer> list(Dims d) {
    List<Integer> out = new ArrayList<>(d.rank());
    for (int a = 0; a < d.rank(); a++) {
      out.add(d.get(a));
    }
    return List.copyOf(out);
  }

  private static List<Integer> list(int[] values) {
    return list(Dims.of(values));
  }
}
