package org.convderiv.check;

import org.convderiv.term.Monomial;
import org.convderiv.term.Notation;
import org.convderiv.term.PlainFormat;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Prints terms as the claims are written, in the document's {@link Notation}: plain
 * ({@code dL/dO11*F22}, as {@link PlainFormat} writes every plain expression) or LaTeX
 * ({@code \frac{\partial L}{\partial O_{11}} F_{22}}).
 */
public final class TermPrinter {
  private final Notation notation;
  private final boolean latex;

  private TermPrinter(Notation notation, boolean latex) {
    this.notation = notation;
    this.latex = latex;
  }

  public static TermPrinter plain(Notation notation) {
    return new TermPrinter(notation, false);
  }

  public static TermPrinter latex(Notation notation) {
    return new TermPrinter(notation, true);
  }

  /** A symbol: {@code X22}, {@code dL/dO11}, {@code b}; in LaTeX {@code X_{22}}. */
  public String variable(Variable v) {
    String index = notation.indexText(v);
    String letter = switch (v.tensor()) {
      case G, O -> "O";
      case B -> "b";
      default -> v.tensor().name();
    };
    String symbol = index.isEmpty() ? letter
        : latex ? letter + "_{" + index + "}" : letter + index;
    return v.tensor() == TensorName.G ? derivative(symbol) : symbol;
  }

  /** The derivative of L by a symbol already printed: {@code dL/dX22}. */
  public String derivative(String symbol) {
    return latex ? "\\frac{\\partial L}{\\partial " + symbol + "}" : "dL/d" + symbol;
  }

  /** A claim's target: {@code dL/dX22} or {@code O12}, or the whole tensor when v is null. */
  public String target(TensorName tensor, Variable element, boolean gradient) {
    String symbol;
    if (element != null) {
      symbol = variable(element);
    } else {
      symbol = tensor == TensorName.B ? "b" : tensor.name();
    }
    return gradient ? derivative(symbol) : symbol;
  }

  public String polynomial(Polynomial p) {
    if (!latex) {
      return new PlainFormat(notation).polynomial(p);
    }
    if (p.isZero()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Monomial m : p.terms()) {
      long c = m.coefficient();
      if (sb.length() > 0) {
        sb.append(c < 0 ? " - " : " + ");
      } else if (c < 0) {
        sb.append('-');
      }
      long abs = Math.abs(c);
      boolean first = true;
      if (abs != 1 || m.factors().isEmpty()) {
        sb.append(abs);
        first = false;
      }
      for (Variable v : m.factors()) {
        sb.append(first ? "" : " ").append(variable(v));
        first = false;
      }
    }
    return sb.toString();
  }
}
