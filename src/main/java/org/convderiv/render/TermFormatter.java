package org.convderiv.render;

import java.util.ArrayList;
import java.util.List;
import org.convderiv.term.Monomial;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Prints variables and polynomials of the term model as LaTeX math and as plain text, with the
 * indices of one document's {@link Notation}. The upstream gradient G prints as
 * {@code \frac{\partial L}{\partial O_{11}}} in the fraction style and as {@code G_{11}} in the
 * short style that large layers need to keep sums on the page.
 */
public final class TermFormatter {

  /** How the upstream gradient dL/dO is written. */
  public enum Style { FRACTION, SHORT }

  /**
   * One printed term of a sum: its sign ("+" or "-") and the rest, so that a sum can be broken
   * across lines with the sign starting the continuation line.
   */
  public record Term(boolean negative, String body, double width) {}

  private final Notation notation;
  private final Style style;

  public TermFormatter(Notation notation, Style style) {
    this.notation = notation;
    this.style = style;
  }

  public Notation notation() {
    return notation;
  }

  public Style style() {
    return style;
  }

  /** The LaTeX name of one element: {@code X_{11}}, {@code b_{2}}, {@code b}, dL/dO as styled. */
  public String latex(Variable v) {
    if (v.tensor() == TensorName.G && style == Style.FRACTION) {
      return partial("L", Variable.of(TensorName.O, v.index().toArray()));
    }
    return subscripted(letter(v.tensor()), notation.indexText(v));
  }

  /** {@code \frac{\partial L}{\partial X_{11}}}: the loss differentiated by one element. */
  public String lossDerivative(Variable v) {
    return partial("L", v);
  }

  /** {@code \frac{\partial O_{11}}{\partial F_{12}}}: a local gradient. */
  public String localDerivative(Variable output, Variable wrt) {
    return "\\frac{\\partial " + latexPlain(output) + "}{\\partial " + latexPlain(wrt) + "}";
  }

  /** A polynomial on one line; the zero polynomial is {@code 0}. */
  public String latex(Polynomial p) {
    return join(latexTerms(p));
  }

  /** The terms of a polynomial in LaTeX, each with its sign apart. */
  public List<Term> latexTerms(Polynomial p) {
    List<Term> out = new ArrayList<>(p.size());
    for (Monomial m : p.terms()) {
      out.add(term(m, true));
    }
    return out;
  }

  /** Plain-text name of one element: {@code X11}, {@code X10,2}, {@code dL/dO11}, {@code b2}. */
  public String plain(Variable v) {
    if (v.tensor() == TensorName.G && style == Style.FRACTION) {
      return "dL/d" + plainName(TensorName.O) + notation.indexText(v);
    }
    return plainName(v.tensor()) + notation.indexText(v);
  }

  /** A polynomial in plain text: {@code X11 F11 - 2 X12 F12}; the zero polynomial is {@code 0}. */
  public String plain(Polynomial p) {
    List<Term> terms = new ArrayList<>(p.size());
    for (Monomial m : p.terms()) {
      terms.add(term(m, false));
    }
    return join(terms);
  }

  /**
   * Joins terms into one line: the first keeps a leading minus glued to it ({@code -2 X_{11}}),
   * the others are separated by {@code + } or {@code - } ({@code - 2 X_{11} F_{12}}).
   */
  public static String join(List<Term> terms) {
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Term t : terms) {
      if (sb.length() == 0) {
        sb.append(t.negative() ? "-" : "").append(t.body());
      } else {
        sb.append(t.negative() ? " - " : " + ").append(t.body());
      }
    }
    return sb.toString();
  }

  /**
   * Breaks a sum into lines no wider than {@code budget} (in the rough character widths of
   * {@link Term#width}); every line after the first starts with its sign. A single term wider
   * than the budget still gets a line of its own. The zero polynomial is one line {@code 0}.
   */
  public static List<String> breakLines(List<Term> terms, double firstBudget, double budget) {
    List<String> lines = new ArrayList<>();
    if (terms.isEmpty()) {
      lines.add("0");
      return lines;
    }
    StringBuilder line = new StringBuilder();
    double used = 0;
    double limit = firstBudget;
    for (Term t : terms) {
      double w = t.width() + SIGN_WIDTH;
      if (line.length() > 0 && used + w > limit) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
        limit = budget;
      }
      if (line.length() == 0 && lines.isEmpty()) {
        line.append(t.negative() ? "-" : "").append(t.body());
      } else {
        line.append(line.length() == 0 ? "" : " ").append(t.negative() ? "- " : "+ ")
            .append(t.body());
      }
      used += w;
    }
    lines.add(line.toString());
    return lines;
  }

  /** Rough printed width of an operator with its spaces, in the units of {@link Term#width}. */
  public static final double SIGN_WIDTH = 2.0;

  /** Rough printed width of one element's LaTeX name, in the units of {@link Term#width}. */
  public double width(Variable v) {
    double index = 0.7 * notation.indexText(v).length();
    if (v.tensor() == TensorName.G && style == Style.FRACTION) {
      // A fraction is as wide as its denominator: "∂O" and the index.
      return 2.2 + index;
    }
    return 1.0 + index;
  }

  private Term term(Monomial m, boolean latex) {
    long c = m.coefficient();
    boolean negative = c < 0;
    // Long.MIN_VALUE has no positive counterpart; print it through its text instead.
    String magnitude = c == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(c));
    List<String> parts = new ArrayList<>();
    double width = 0;
    if (Math.abs(c) != 1 || m.factors().isEmpty()) {
      parts.add(magnitude);
      width += magnitude.length();
    }
    List<Variable> factors = m.factors();
    for (int i = 0; i < factors.size(); ) {
      Variable v = factors.get(i);
      int power = 1;
      while (i + power < factors.size() && factors.get(i + power).equals(v)) {
        power++;
      }
      String name = latex ? latex(v) : plain(v);
      width += width(v) + 0.5;
      if (power > 1) {
        name = latex ? name + "^{" + power + "}" : name + "^" + power;
        width += 0.7 * Integer.toString(power).length();
      }
      parts.add(name);
      i += power;
    }
    return new Term(negative, String.join(" ", parts), width);
  }

  private String partial(String numerator, Variable v) {
    return "\\frac{\\partial " + numerator + "}{\\partial " + latexPlain(v) + "}";
  }

  /** The name of an element without the fraction form of G, as used inside a derivative. */
  private String latexPlain(Variable v) {
    if (v.tensor() == TensorName.G) {
      return subscripted(letter(TensorName.O), notation.indexText(v));
    }
    return subscripted(letter(v.tensor()), notation.indexText(v));
  }

  private static String subscripted(String letter, String index) {
    return index.isEmpty() ? letter : letter + "_{" + index + "}";
  }

  private static String letter(TensorName t) {
    return t == TensorName.B ? "b" : t.name();
  }

  private static String plainName(TensorName t) {
    return t == TensorName.B ? "b" : t.name();
  }
}
