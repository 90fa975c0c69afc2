package org.convderiv.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BackpropagationTest {

  private static BackwardPass run(String program, Map<String, Double> point) {
    return new Backpropagation(GraphBuilder.parse(program)).run(point);
  }

  @Nested
  class TheClassicExample {
    private final BackwardPass pass =
        run("f = (x + y) * z", Map.of("x", -2.0, "y", 5.0, "z", -4.0));

    @Test
    void namesTheIntermediateSumQAsTheLectureDoes() {
      List<String> names = pass.graph().nodes().stream().map(GraphNode::name).toList();
      assertEquals(List.of("x", "y", "z", "q", "f"), names);
      assertEquals("x + y", ExprFormat.plain(pass.graph().node("q").gate().orElseThrow()
          .expression()));
    }

    @Test
    void forwardPassGivesQ3AndFMinus12() {
      assertEquals(3.0, pass.value("q"));
      assertEquals(-12.0, pass.value("f"));
    }

    @Test
    void backwardPassGivesTheLectureGradients() {
      assertEquals(1.0, pass.gradient("f").value());
      assertEquals(-4.0, pass.gradient("q").value());
      assertEquals(3.0, pass.gradient("z").value());
      assertEquals(-4.0, pass.gradient("x").value());
      assertEquals(-4.0, pass.gradient("y").value());
    }

    @Test
    void localGradientsAreTheSymbolicOnesOfEachGate() {
      Map<String, String> local = new java.util.TreeMap<>();
      for (LocalGradient l : pass.localGradients()) {
        local.put(l.gate() + "/" + l.input(), ExprFormat.plain(l.expression()));
      }
      assertEquals(Map.of("q/x", "1", "q/y", "1", "f/q", "z", "f/z", "q"), local);
    }

    @Test
    void finiteDifferencesAgreeWithTheBackwardPass() {
      assertTrue(pass.checksAgree());
      assertEquals(3, pass.checks().size());
      assertEquals(-4.0, pass.checks().get(0).numeric(), 1e-6);
    }

    @Test
    void namedStatementsGiveTheSameGraph() {
      BackwardPass named = run("q = x + y; f = q * z", Map.of("x", -2.0, "y", 5.0, "z", -4.0));
      assertEquals(-4.0, named.gradient("x").value());
      assertEquals(3.0, named.value("q"));
    }
  }

  @Test
  void aVariableUsedTwiceGetsTheSumOfBothPaths() {
    // f = x*x + x: df/dx = 2x + 1 = 7 at x = 3, from two gates reading x (three edges).
    BackwardPass pass = run("f = x * x + 3 * x - x", Map.of("x", 3.0));
    assertEquals(6.0 + 3.0 - 1.0, pass.gradient("x").value(), 1e-12);
    assertTrue(pass.gradient("x").terms().size() >= 3);
  }

  @Test
  void reluPassesTheGradientOnlyWhereItsInputIsPositive() {
    assertEquals(2.0, run("f = relu(2 * x)", Map.of("x", 1.5)).gradient("x").value());
    assertEquals(0.0, run("f = relu(2 * x)", Map.of("x", -1.5)).gradient("x").value());
    // At the kink the gradient is 0, as in PyTorch, and finite differences accept it: the
    // one-sided slopes there are 0 and 2.
    var atKink = run("f = relu(2 * x)", Map.of("x", 0.0));
    assertEquals(0.0, atKink.gradient("x").value());
    assertEquals(true, atKink.checks().get(0).kink());
    assertEquals(true, atKink.checks().get(0).agrees());
    assertEquals(2.0, atKink.checks().get(0).right(), 1e-6);
  }

  @Test
  void sigmoidGradientIsSigmoidTimesOneMinusSigmoid() {
    BackwardPass pass = run("f = sigmoid(w * x)", Map.of("w", 2.0, "x", -0.5));
    double s = 1 / (1 + Math.exp(1.0));
    assertEquals(s * (1 - s) * -0.5, pass.gradient("w").value(), 1e-12);
  }

  @Test
  void logOfANegativeNumberIsRejectedNamingTheGate() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run("f = log(x - 5)", Map.of("x", 1.0)));
    assertEquals("forward pass: f = log(q) is NaN at q = -4 (outside the operation's domain)",
        e.getMessage());
  }

  @Test
  void aMissingVariableIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run("f = x * y", Map.of("x", 1.0)));
    assertEquals("no value for y (the point must give every variable: x, y)", e.getMessage());
  }
}
