package org.convderiv.render.figure;

import java.util.ArrayList;
import java.util.List;
import org.convderiv.layer.Dims;
import org.convderiv.recognize.SymTensor;
import org.convderiv.term.Notation;
import org.convderiv.term.TensorName;

/** The article's layer (3x3 input, 2x2 filter) and a few variants, as figures. */
public final class FigureSamples {
  public static final CellLabels LABELS =
      CellLabels.of(new Notation(true, false, false, false, false));

  private FigureSamples() {}

  public static SymTensor x(int... shape) {
    return SymTensor.of(TensorName.X, 0, 0, Dims.of(shape));
  }

  public static SymTensor f(int... shape) {
    return SymTensor.of(TensorName.F, 0, 0, Dims.of(shape));
  }

  public static SymTensor g(int... shape) {
    return SymTensor.of(TensorName.G, 0, 0, Dims.of(shape));
  }

  /** Every figure kind once, in the order a worksheet shows them. */
  public static List<Figure> all() {
    List<Figure> out = new ArrayList<>();
    Dims ones = Dims.of(1, 1);
    out.add(Figures.windows(x(3, 3), List.of(Dims.of(0, 0), Dims.of(0, 1)),
        List.of(Label.subscripted("O", "O", "11"), Label.subscripted("O", "O", "12")),
        Dims.of(2, 2), ones, ones, LABELS));
    out.add(Figures.rotation(f(2, 2), LABELS, Label.of("F")));
    SymTensor padded = g(2, 2).pad(ones, ones);
    SymTensor result = x(3, 3);
    out.add(Figures.sliding(f(2, 2).rotate180(), new Label("\\mathrm{rot}_{180}(F)",
        "rot_{180}(F)"), padded, new Label("\\delta", "\u03b4"), Dims.of(1, 0), result,
        new Label("\\partial X", "\u2202X"), Dims.of(1, 0), LABELS));
    out.add(Figures.dilation(g(2, 2), Dims.of(2, 2), LABELS, new Label("\\delta", "\u03b4"),
        new Label("\\delta'", "\u03b4'")));
    // A 4x4 input padded by 1 is 6x6, the largest grid a classroom figure shows.
    out.add(Figures.window(x(4, 4).pad(ones, ones), Dims.of(1, 2), Dims.of(3, 3), ones, ones,
        LABELS, Label.of("X")));
    out.add(Figures.window(x(5), Dims.of(1), Dims.of(2), Dims.of(2), Dims.of(1), LABELS,
        Label.of("X")));
    out.add(Figures.rotation(f(2, 2, 2), LABELS, Label.of("F")));
    return out;
  }
}
