package org.convderiv.render.figure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.convderiv.term.Monomial;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * How the entries of a grid are written in its cells: each tensor's symbol with the document's
 * indices ({@link Notation}). dL/dO is {@code \delta} by default, because a full fraction does
 * not fit a cell; a template that draws such a figure says what the symbol means.
 */
public record CellLabels(Notation notation, Map<TensorName, Label> symbols) {

  public CellLabels {
    symbols = Map.copyOf(symbols);
    for (TensorName t : TensorName.values()) {
      if (!symbols.containsKey(t)) {
        throw new IllegalArgumentException("cell symbols (" + symbols.keySet()
            + ") must name every tensor, " + t + " is missing");
      }
    }
  }

  public static CellLabels of(Notation notation) {
    Map<TensorName, Label> s = new EnumMap<>(TensorName.class);
    for (TensorName t : TensorName.values()) {
      s.put(t, Label.of(t == TensorName.B ? "b" : t.name()));
    }
    s.put(TensorName.G, new Label("\\delta", "\u03b4"));
    return new CellLabels(notation, s);
  }

  /** The same labels with another symbol for {@code tensor}. */
  public CellLabels withSymbol(TensorName tensor, Label symbol) {
    Map<TensorName, Label> s = new EnumMap<>(symbols);
    s.put(tensor, symbol);
    return new CellLabels(notation, s);
  }

  public Label of(Variable v) {
    Label symbol = symbols.get(v.tensor());
    return Label.subscripted(symbol.latex(), symbol.plain(), notation.indexText(v));
  }

  /**
   * A cell's text: {@code 0}, a symbol, or a short sum such as {@code X_{11}+X_{12}}.
   * Limitation: a sum of more than one term is wider than a cell; grids of sums are not drawn.
   */
  public Label of(Polynomial p) {
    if (p.isZero()) {
      return Label.of("0");
    }
    StringBuilder latex = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    List<Monomial> terms = p.terms();
    for (int i = 0; i < terms.size(); i++) {
      Monomial m = terms.get(i);
      long c = m.coefficient();
      String sign = c < 0 ? "-" : i > 0 ? "+" : "";
      latex.append(sign);
      plain.append(sign);
      long magnitude = Math.abs(c);
      if (magnitude != 1 || m.factors().isEmpty()) {
        latex.append(magnitude);
        plain.append(magnitude);
      }
      for (int f = 0; f < m.factors().size(); f++) {
        Label l = of(m.factors().get(f));
        latex.append(f > 0 ? "\\," : "").append(l.latex());
        plain.append(f > 0 ? "\u00b7" : "").append(l.plain());
      }
    }
    return new Label(latex.toString(), plain.toString());
  }
}
