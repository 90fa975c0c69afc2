package org.convderiv.graph;

import java.util.Map;

/** Evaluates an {@link Expr} in double precision, the arithmetic of a framework's forward pass. */
public final class Evaluation {
  private Evaluation() {}

  /**
   * The value of {@code e} with every name bound by {@code env}. Domain errors give NaN or an
   * infinity, as in IEEE arithmetic; callers decide what a non-finite value means.
   */
  public static double value(Expr e, Map<String, Double> env) {
    if (e instanceof Expr.Num n) {
      return n.value().doubleValue();
    }
    if (e instanceof Expr.Var v) {
      Double x = env.get(v.name());
      if (x == null) {
        throw new IllegalStateException("no value bound to " + v.name());
      }
      return x;
    }
    if (e instanceof Expr.Neg n) {
      return -value(n.arg(), env);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b.op(), value(b.left(), env), value(b.right(), env));
    }
    if (e instanceof Expr.Apply a) {
      return apply(a, env);
    }
    Expr.Cond c = (Expr.Cond) e;
    return c.rel().holds(value(c.left(), env), value(c.right(), env))
        ? value(c.then(), env) : value(c.otherwise(), env);
  }

  private static double binary(Expr.BinaryOp op, double a, double b) {
    return switch (op) {
      case ADD -> a + b;
      case SUBTRACT -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> a / b;
      case POWER -> Math.pow(a, b);
    };
  }

  private static double apply(Expr.Apply a, Map<String, Double> env) {
    double x = value(a.args().get(0), env);
    return switch (a.function()) {
      case EXP -> Math.exp(x);
      // Math.log gives NaN below 0 and -Infinity at 0: both are caught as non-finite values.
      case LOG -> Math.log(x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> 1 / (1 + Math.exp(-x));
      // max(a, b) picks a only when a > b, the same tie rule as the Piecewise its derivative is.
      case MAX -> {
        double y = value(a.args().get(1), env);
        yield x > y ? x : y;
      }
      case SECH -> 1 / Math.cosh(x);
      case COSH -> Math.cosh(x);
      case SINH -> Math.sinh(x);
    };
  }
}
