package org.convderiv.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class GradientPropertyTest {
  private static final String[] VARIABLES = {"a", "b", "c"};

  /**
   * A random expression whose every operation is defined and smooth near [-2, 2]^3: logs and
   * divisions only of positive-definite arguments, exponents kept small.
   */
  static String expression(Random r, int depth) {
    if (depth == 0 || r.nextInt(4) == 0) {
      return r.nextInt(5) == 0 ? String.valueOf(1 + r.nextInt(3))
          : VARIABLES[r.nextInt(VARIABLES.length)];
    }
    String x = expression(r, depth - 1);
    String y = expression(r, depth - 1);
    return switch (r.nextInt(11)) {
      case 0 -> "(" + x + " + " + y + ")";
      case 1 -> "(" + x + " - " + y + ")";
      case 2 -> "(" + x + " * " + y + ")";
      case 3 -> "(" + x + ") / (2 + tanh(" + y + "))";
      case 4 -> "(" + x + ")^2";
      case 5 -> "exp(tanh(" + x + "))";
      case 6 -> "log(1 + (" + x + ")^2)";
      case 7 -> "tanh(" + x + ")";
      case 8 -> "sigmoid(" + x + ")";
      case 9 -> "relu(" + x + ") * " + y;
      default -> "max(" + x + ", " + y + ")";
    };
  }

  @Property(tries = 60)
  void symbolicGradientsEqualCentralFiniteDifferences(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int depth) {
    Random r = new Random(seed);
    String program = "f = " + expression(r, depth) + " + a * b * c";
    Map<String, Double> point = new LinkedHashMap<>();
    for (String v : VARIABLES) {
      point.put(v, -2 + 4 * r.nextDouble());
    }
    BackwardPass pass = new Backpropagation(GraphBuilder.parse(program)).run(point);
    for (FiniteDifference fd : pass.checks()) {
      double kink = 1e-3; // max and relu are not differentiable where their arguments tie
      boolean nearKink = pass.graph().gates().stream().anyMatch(n -> nearTie(n, pass, kink));
      assertTrue(fd.agrees() || nearKink, () -> program + " at " + point + ": d/d"
          + fd.variable() + " backward " + fd.backward() + " vs numeric " + fd.numeric());
    }
  }

  private static boolean nearTie(GraphNode n, BackwardPass pass, double eps) {
    Expr e = n.gate().orElseThrow().expression();
    if (e instanceof Expr.Apply a && a.function() == Expr.Function.MAX) {
      Map<String, Double> values = new LinkedHashMap<>();
      pass.graph().nodes().forEach(m -> values.put(m.name(), pass.value(m.name())));
      return Math.abs(Evaluation.value(a.args().get(0), values)
          - Evaluation.value(a.args().get(1), values)) < eps;
    }
    return false;
  }
}
