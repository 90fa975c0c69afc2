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
  record Call(String function, List<Expr> arguments, Map<String, Long> keywords, int column)
      implements Expr {}
}
