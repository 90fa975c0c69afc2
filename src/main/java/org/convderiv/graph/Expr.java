package org.convderiv.graph;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A scalar expression over named values: what the user typed, and what Symja returns as a local
 * gradient, converted back. One tree for both so that one LaTeX writer and one evaluator serve.
 */
public sealed interface Expr {

  /** An exact decimal constant, kept as typed so that {@code 0.1} stays {@code 0.1}. */
  record Num(BigDecimal value) implements Expr {
    public Num {
      Objects.requireNonNull(value);
    }

    public static Num of(long value) {
      return new Num(BigDecimal.valueOf(value));
    }
  }

  /** A reference to an input variable or to a named node of the graph. */
  record Var(String name) implements Expr {}

  record Neg(Expr arg) implements Expr {}

  record Binary(BinaryOp op, Expr left, Expr right) implements Expr {}

  record Apply(Function function, List<Expr> args) implements Expr {
    public Apply {
      args = List.copyOf(args);
      if (args.size() != function.arity()) {
        throw new IllegalArgumentException(function.name() + " takes " + function.arity()
            + " argument(s), not " + args.size());
      }
    }
  }

  /**
   * {@code then} where {@code left rel right} holds, else {@code otherwise}: how Symja writes the
   * derivative of a max, as a one-case Piecewise.
   */
  record Cond(Expr left, Relation rel, Expr right, Expr then, Expr otherwise) implements Expr {}

  enum BinaryOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, POWER }

  enum Relation {
    GREATER(">"), GREATER_EQUAL("\\ge"), LESS("<"), LESS_EQUAL("\\le");

    private final String latex;

    Relation(String latex) {
      this.latex = latex;
    }

    public String latex() {
      return latex;
    }

    public boolean holds(double a, double b) {
      return switch (this) {
        case GREATER -> a > b;
        case GREATER_EQUAL -> a >= b;
        case LESS -> a < b;
        case LESS_EQUAL -> a <= b;
      };
    }
  }

  /**
   * Functions of the language. The hyperbolic ones besides tanh only appear in derivatives (Symja
   * writes tanh' as sech^2), so the parser does not offer them.
   */
  enum Function {
    EXP(1, true), LOG(1, true), TANH(1, true), SIGMOID(1, true), MAX(2, true),
    SECH(1, false), COSH(1, false), SINH(1, false);

    private final int arity;
    private final boolean typeable;

    Function(int arity, boolean typeable) {
      this.arity = arity;
      this.typeable = typeable;
    }

    public int arity() {
      return arity;
    }

    public boolean typeable() {
      return typeable;
    }
  }
}
