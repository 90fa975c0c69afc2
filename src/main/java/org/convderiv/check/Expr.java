package org.convderiv.check;

import java.util.List;
import java.util.Map;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/** The parsed right-hand side of a claim; every node keeps its column for messages. */
sealed interface Expr {
  int column();

  record Number(long value, int column) implements Expr {}

  /** A scalar element, or a whole tensor when {@code element} is null. */
  record Symbol(TensorName tensor, Variable element, String text, int column) implements Expr {}

  record Sum(Expr left, Expr right, int column) implements Expr {}

  record Negation(Expr operand, int column) implements Expr {}

  record Product(Expr left, Expr right, int column) implements Expr {}

  /** A function of the tensor language with positional and keyword arguments. */
  record Call(String function, List<Expr> arguments, Map<String, Amount> keywords, int column)
      implements Expr {}

  /**
   * A keyword's value: one number for every spatial axis ({@code 2}) or one per axis
   * ({@code 2x1}); padding may differ per side ({@code 1x0/2x1}, before/after), otherwise
   * {@code after} equals {@code before}.
   */
  record Amount(List<Long> before, List<Long> after, int column) {
    public Amount {
      before = List.copyOf(before);
      after = List.copyOf(after);
    }

    /** As written: {@code 2x1}, or {@code 1x0/2x1} when the sides differ. */
    String text() {
      String b = joined(before);
      return before.equals(after) ? b : b + "/" + joined(after);
    }

    private static String joined(List<Long> values) {
      StringBuilder sb = new StringBuilder();
      values.forEach(v -> sb.append(sb.length() == 0 ? "" : "x").append(v));
      return sb.toString();
    }
  }
}
