package org.convderiv.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convderiv.casefile.CaseFile;
import org.convderiv.casefile.CaseFiles;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.FiniteDifferences.ElementCheck;
import org.convderiv.numeric.FiniteDifferences.Operand;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FiniteDifferencesTest {

  private final JavaEngine engine = new JavaEngine();

  static Stream<Named<Path>> sharedCases() {
    return JavaEngineTest.sharedCases();
  }

  /** The layer the speed goal names: 64x64 input, 3 to 8 channels, 3x3 kernel, with bias. */
  private static final LayerSpec LARGE = LayerSpec.builder(Dims.of(64, 64), Dims.of(3, 3))
      .channelsIn(3).channelsOut(8).padding(Padding.same()).bias(true).build();

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedCases")
  void everyElementAgreesWithTheEnginesBackwardPassWithinGradcheckTolerance(Path file) {
    CaseFile c = CaseFiles.read(file);
    Gradients engineGradients = engine.run(c.spec(), c.values());
    Gradients estimated = FiniteDifferences.full(engine, c.spec(), c.values());

    assertPasses(Tolerance.GRADCHECK.compare(estimated.dx(), engineGradients.dx()));
    assertPasses(Tolerance.GRADCHECK.compare(estimated.df(), engineGradients.df()));
    if (c.spec().bias()) {
      assertPasses(Tolerance.GRADCHECK.compare(estimated.db(), engineGradients.db()));
    }
    assertEquals(engineGradients.o(), estimated.o());
  }

  @Test
  void aSampleOfALargeLayerAgreesAndSharesTheCountBetweenXFAndB() {
    LayerValues values = LayerValues.randomReals(LARGE, 11);

    List<ElementCheck> checks = FiniteDifferences.sample(engine, LARGE, values, 30, 5);

    // b has 8 elements, fewer than its third of 30; the 2 left over go to F and X.
    Map<Operand, Long> perOperand =
        checks.stream().collect(Collectors.groupingBy(ElementCheck::operand,
            Collectors.counting()));
    assertEquals(Map.of(Operand.X, 11L, Operand.F, 11L, Operand.B, 8L), perOperand);
    assertEquals(30, checks.stream().map(c -> c.operand() + "" + c.index()).distinct().count());
    for (ElementCheck check : checks) {
      assertTrue(check.passes(Tolerance.GRADCHECK), check::toString);
    }
  }

  @Test
  void theSameSeedDrawsTheSameElementsAndAnotherSeedOthers() {
    LayerValues values = LayerValues.randomReals(LARGE, 11);
    Gradients claimed = engine.run(LARGE, values);

    List<Dims> first = indices(FiniteDifferences.sample(engine, LARGE, values, claimed, 6, 1));
    List<Dims> again = indices(FiniteDifferences.sample(engine, LARGE, values, claimed, 6, 1));
    List<Dims> other = indices(FiniteDifferences.sample(engine, LARGE, values, claimed, 6, 2));

    assertEquals(first, again);
    assertFalse(first.equals(other), () -> first + " and " + other);
  }

  @Test
  void aSampleLargerThanTheLayerChecksEveryElementOnce() {
    LayerSpec spec = LayerSpec.builder(Dims.of(3), Dims.of(2)).bias(true).build();
    LayerValues values = LayerValues.randomReals(spec, 3);

    List<ElementCheck> checks = FiniteDifferences.sample(engine, spec, values, 100, 0);

    assertEquals(3 + 2 + 1, checks.size());
    assertEquals(List.of(Dims.of(0, 0, 0), Dims.of(0, 0, 1), Dims.of(0, 0, 2)),
        indices(checks.subList(0, 3)));
  }

  @Test
  void aWrongClaimedGradientFailsItsCheck() {
    LayerSpec spec = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));
    LayerValues values = LayerValues.randomReals(spec, 4);
    Gradients right = engine.run(spec, values);
    // rtol 1e-3 of values below 10 allows at most 1e-2: shift by more.
    Tensor offByTwoHundredths = shifted(right.df(), 0.02);
    Gradients wrong = new Gradients(right.o(), right.dx(), offByTwoHundredths, null);

    List<ElementCheck> checks = FiniteDifferences.sample(engine, spec, values, wrong, 13, 0);

    for (ElementCheck check : checks) {
      assertEquals(check.operand() == Operand.X, check.passes(Tolerance.GRADCHECK),
          check::toString);
    }
  }

  @Test
  void aCentralDifferenceOfALinearLossIsExactOnIntegersWithStepOne() {
    LayerSpec spec = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));
    LayerValues values = LayerValues.randomIntegers(spec, 9);
    Gradients exact = engine.run(spec, values);

    for (int i = 0; i < 9; i++) {
      assertEquals(exact.dx().at(i),
          FiniteDifferences.estimate(engine, spec, values, Operand.X, i, 1.0));
    }
  }

  @Test
  void refusesAnEmptySample() {
    LayerSpec spec = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));
    LayerValues values = LayerValues.randomReals(spec, 4);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FiniteDifferences.sample(engine, spec, values, 0, 1));
    assertEquals("maxElements (0) must be at least 1", e.getMessage());
  }

  private static List<Dims> indices(List<ElementCheck> checks) {
    return checks.stream().map(ElementCheck::index).toList();
  }

  private static Tensor shifted(Tensor t, double by) {
    double[] d = t.toArray();
    for (int i = 0; i < d.length; i++) {
      d[i] += by;
    }
    return new Tensor(t.shape(), d);
  }

  static void assertPasses(Tolerance.Comparison comparison) {
    assertTrue(comparison.passes(), comparison::toString);
  }
}
