package org.convderiv.graph;

import java.util.function.UnaryOperator;

/**
 * Writes an {@link Expr} as LaTeX math or as plain text, with the fewest parentheses that keep
 * its meaning. Written from our own tree (not Symja's TeXForm) so that every worksheet uses one
 * notation: juxtaposition for products, fractions for quotients, e^{x} for exp.
 */
public final class ExprFormat {
  // Binding strength: a child weaker than its context is parenthesized.
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private final boolean latex;
  private final UnaryOperator<String> names;

  private ExprFormat(boolean latex, UnaryOperator<String> names) {
    this.latex = latex;
    this.names = names;
  }

  public static String latex(Expr e) {
    return new ExprFormat(true, Names::latex).write(e, 0);
  }

  public static String plain(Expr e) {
    return new ExprFormat(false, UnaryOperator.identity()).write(e, 0);
  }

  private String write(Expr e, int context) {
    String body = body(e);
    return strength(e) < context ? open() + body + close() : body;
  }

  private int strength(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.value().signum() < 0 ? PRODUCT : ATOM;
    }
    if (e instanceof Expr.Var) {
      return ATOM;
    }
    if (e instanceof Expr.Neg) {
      return PRODUCT;
    }
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case ADD, SUBTRACT -> SUM;
        case MULTIPLY -> PRODUCT;
        case DIVIDE -> latex ? ATOM : PRODUCT; // \frac is self-delimiting
        case POWER -> POWER;
      };
    }
    if (e instanceof Expr.Apply a) {
      return latex && a.function() == Expr.Function.EXP ? POWER : ATOM;
    }
    return latex ? 0 : ATOM; // a cases block only stands alone; plain text brackets itself
  }

  private static boolean signed(Expr e) {
    return e instanceof Expr.Neg || (e instanceof Expr.Num n && n.value().signum() < 0);
  }

  private String body(Expr e) {
    if (e instanceof Expr.Num n) {
      return Numbers.format(n.value());
    }
    if (e instanceof Expr.Var v) {
      return names.apply(v.name());
    }
    if (e instanceof Expr.Neg n) {
      return "-" + write(n.arg(), PRODUCT + 1);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b);
    }
    if (e instanceof Expr.Apply a) {
      return apply(a);
    }
    Expr.Cond c = (Expr.Cond) e;
    String test = write(c.left(), SUM) + " " + relation(c.rel(), false) + " "
        + write(c.right(), SUM);
    if (!latex) {
      return "(" + test + " ? " + write(c.then(), 0) + " : " + write(c.otherwise(), 0) + ")";
    }
    String negated = write(c.left(), SUM) + " " + relation(c.rel(), true) + " "
        + write(c.right(), SUM);
    return "\\begin{cases} " + write(c.then(), 0) + " & " + test + " \\\\ "
        + write(c.otherwise(), 0) + " & " + negated + " \\end{cases}";
  }

  private String relation(Expr.Relation r, boolean negated) {
    Expr.Relation shown = !negated ? r : switch (r) {
      case GREATER -> Expr.Relation.LESS_EQUAL;
      case GREATER_EQUAL -> Expr.Relation.LESS;
      case LESS -> Expr.Relation.GREATER_EQUAL;
      case LESS_EQUAL -> Expr.Relation.GREATER;
    };
    if (latex) {
      return shown.latex();
    }
    return switch (shown) {
      case GREATER -> ">";
      case GREATER_EQUAL -> ">=";
      case LESS -> "<";
      case LESS_EQUAL -> "<=";
    };
  }

  private String binary(Expr.Binary b) {
    Expr l = b.left();
    Expr r = b.right();
    switch (b.op()) {
      case ADD:
        // a + (-b) reads as a - b; the value is the same.
        if (r instanceof Expr.Neg n) {
          return write(l, SUM) + " - " + write(n.arg(), PRODUCT);
        }
        if (r instanceof Expr.Num n && n.value().signum() < 0) {
          return write(l, SUM) + " - " + Numbers.format(n.value().negate());
        }
        return write(l, SUM) + " + " + write(r, SUM);
      case SUBTRACT:
        return write(l, SUM) + " - " + (signed(r) ? parens(r) : write(r, PRODUCT));
      case MULTIPLY:
        return product(l, r);
      case DIVIDE:
        if (latex) {
          return "\\frac{" + write(l, 0) + "}{" + write(r, 0) + "}";
        }
        return write(l, PRODUCT) + "/" + (signed(r) ? parens(r) : write(r, POWER));
      default:
        String base = signed(l) ? parens(l) : write(l, ATOM);
        return latex ? base + "^{" + write(r, 0) + "}" : base + "^" + write(r, ATOM);
    }
  }

  private String product(Expr l, Expr r) {
    String left = write(l, PRODUCT);
    String right = signed(r) ? parens(r) : write(r, PRODUCT + 1);
    if (!latex) {
      return left + "*" + right;
    }
    // Juxtaposition, as lecturers write (x + y) z; a dot where digits would run together.
    boolean dot = Character.isDigit(right.charAt(0)) || Character.isDigit(lastChar(left));
    return left + (dot ? " \\cdot " : " ") + right;
  }

  private static char lastChar(String s) {
    return s.charAt(s.length() - 1);
  }

  private String apply(Expr.Apply a) {
    Expr x = a.args().get(0);
    if (latex && a.function() == Expr.Function.EXP) {
      return "e^{" + write(x, 0) + "}";
    }
    String name = latex ? switch (a.function()) {
      case LOG -> "\\log";
      case TANH -> "\\tanh";
      case SIGMOID -> "\\sigma";
      case MAX -> "\\max";
      case SECH -> "\\operatorname{sech}";
      case COSH -> "\\cosh";
      case SINH -> "\\sinh";
      case EXP -> "\\exp";
    } : a.function().name().toLowerCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder(name).append(open());
    for (int i = 0; i < a.args().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(write(a.args().get(i), 0));
    }
    return sb.append(close()).toString();
  }

  private String parens(Expr e) {
    return open() + body(e) + close();
  }

  private String open() {
    return latex ? "\\left(" : "(";
  }

  private String close() {
    return latex ? "\\right)" : ")";
  }
}
