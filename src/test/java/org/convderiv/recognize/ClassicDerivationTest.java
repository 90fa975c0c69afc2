package org.convderiv.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.convderiv.chain.ChainRule;
import org.convderiv.differentiate.Differentiation;
import org.convderiv.expand.ForwardExpansion;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;
import org.junit.jupiter.api.Test;

/** The 3x3 input, 2x2 filter case of the reference, section 1, written out by hand. */
class ClassicDerivationTest {
  private static final LayerSpec CLASSIC = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));

  @Test
  void forwardExpansionOfO11IsTheWindowAtTheTopLeft() {
    ForwardExpansion f = ForwardExpansion.of(CLASSIC);
    assertEquals(4, f.outputs().size());
    assertEquals("X[0,0,0,0]*F[0,0,0,0] + X[0,0,0,1]*F[0,0,0,1] + X[0,0,1,0]*F[0,0,1,0]"
        + " + X[0,0,1,1]*F[0,0,1,1]", f.outputs().get(0).expression().toString());
  }

  @Test
  void chainRuleGivesTheFourFilterAndNineInputGradientsOfTheReference() {
    ForwardExpansion f = ForwardExpansion.of(CLASSIC);
    Differentiation d = Differentiation.of(f);
    Map<Variable, Polynomial> grads = ChainRule.of(CLASSIC, d).asMap();
    // Written 1-based as in the reference: "G11 X12" means dL/dO11 * X12.
    Map<String, String> expected = Map.ofEntries(
        Map.entry("F11", "G11 X11 + G12 X12 + G21 X21 + G22 X22"),
        Map.entry("F12", "G11 X12 + G12 X13 + G21 X22 + G22 X23"),
        Map.entry("F21", "G11 X21 + G12 X22 + G21 X31 + G22 X32"),
        Map.entry("F22", "G11 X22 + G12 X23 + G21 X32 + G22 X33"),
        Map.entry("X11", "G11 F11"),
        Map.entry("X12", "G11 F12 + G12 F11"),
        Map.entry("X13", "G12 F12"),
        Map.entry("X21", "G11 F21 + G21 F11"),
        Map.entry("X22", "G11 F22 + G12 F21 + G21 F12 + G22 F11"),
        Map.entry("X23", "G12 F22 + G22 F12"),
        Map.entry("X31", "G21 F21"),
        Map.entry("X32", "G21 F22 + G22 F21"),
        Map.entry("X33", "G22 F22"));
    assertEquals(13, grads.size());
    expected.forEach((target, sum) ->
        assertEquals(parse(sum), grads.get(variable(target)), "dL/d" + target));
  }

  @Test
  void bothGradientsAreRecognizedAndProved() {
    ChainRule chain = ChainRule.of(CLASSIC, Differentiation.of(ForwardExpansion.of(CLASSIC)));
    List<Recognition> r = Recognizer.recognize(CLASSIC, chain);
    assertEquals(2, r.size());
    assertTrue(r.get(0).proved(), () -> String.valueOf(r.get(0).mismatch()));
    assertTrue(r.get(1).proved(), () -> String.valueOf(r.get(1).mismatch()));
    assertEquals("dL/dF = conv(X, dL/dO)", r.get(0).form().text());
    assertEquals("dL/dX = full_conv(rot180(F), dL/dO)", r.get(1).form().text());
    assertEquals(4, r.get(0).elementsCompared());
    assertEquals(9, r.get(1).elementsCompared());
  }

  @Test
  void aGradientThatDiffersFromTheFormIsReportedWithItsFirstDifferingElement() {
    ChainRule chain = ChainRule.of(CLASSIC, Differentiation.of(ForwardExpansion.of(CLASSIC)));
    // Spoil dL/dX22 by dropping its last product, as a slip in a derivation would.
    List<org.convderiv.chain.ChainRuleSum> input = new java.util.ArrayList<>(chain.input());
    org.convderiv.chain.ChainRuleSum x22 = input.get(4);
    Polynomial spoiled = x22.value().minus(parse("G22 F11"));
    input.set(4, new org.convderiv.chain.ChainRuleSum(x22.target(), x22.contributions(),
        spoiled));
    ChainRule wrong = new ChainRule(List.copyOf(input), chain.filter(), chain.bias());

    List<Recognition> r = Recognizer.recognize(CLASSIC, wrong);
    assertTrue(r.get(0).proved(), "dL/dF is untouched");
    assertFalse(r.get(1).proved());
    assertEquals(variable("X22"), r.get(1).mismatch().target());
    assertEquals(spoiled, r.get(1).mismatch().derived());
    assertEquals(parse("G11 F22 + G12 F21 + G21 F12 + G22 F11"),
        r.get(1).mismatch().recognized());
  }

  private static Variable variable(String name) {
    TensorName t = TensorName.valueOf(name.substring(0, 1));
    return Variable.of(t, 0, 0, name.charAt(1) - '1', name.charAt(2) - '1');
  }

  private static Polynomial parse(String sum) {
    Polynomial.Builder b = new Polynomial.Builder();
    for (String term : sum.split(" \\+ ")) {
      String[] f = term.split(" ");
      b.add(Polynomial.of(variable(f[0])).times(Polynomial.of(variable(f[1]))));
    }
    return b.build();
  }
}
