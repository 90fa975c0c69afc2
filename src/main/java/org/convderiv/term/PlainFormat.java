package org.convderiv.term;

/**
 * Expressions as plain text, in the syntax {@code convderiv check} reads back:
 * {@code dL/dX22 = dL/dO11*F22 + dL/dO12*F21}. Indices follow the document's {@link Notation}.
 */
public record PlainFormat(Notation notation) {

  public String variable(Variable v) {
    String index = notation.indexText(v);
    return switch (v.tensor()) {
      case G -> "dL/dO" + index;
      case B -> "b" + index;
      default -> v.tensor().name() + index;
    };
  }

  /** The left-hand side of a gradient element: {@code dL/dX22}. */
  public String gradientOf(Variable v) {
    return "dL/d" + variable(v);
  }

  public String polynomial(Polynomial p) {
    if (p.isZero()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Monomial m : p.terms()) {
      long c = m.coefficient();
      if (sb.length() == 0) {
        sb.append(c < 0 ? "-" : "");
      } else {
        sb.append(c < 0 ? " - " : " + ");
      }
      StringBuilder product = new StringBuilder();
      if (Math.abs(c) != 1 || m.factors().isEmpty()) {
        product.append(Math.abs(c));
      }
      for (Variable v : m.factors()) {
        product.append(product.length() == 0 ? "" : "*").append(variable(v));
      }
      sb.append(product);
    }
    return sb.toString();
  }
}
