package org.convderiv.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convderiv.layer.Dims;
import org.convderiv.layer.Tensor;
import org.junit.jupiter.api.Test;

class EngineComparisonTest {

  private static Tensor t(double... v) {
    return new Tensor(Dims.of(v.length), v);
  }

  @Test
  void identicalResultsAreExactWithNoDifference() {
    Gradients a = new Gradients(t(1, 2), t(3), t(4, 5), null);

    EngineComparison c = EngineComparison.of("java", a, "pytorch", a);

    assertTrue(c.exact());
    assertEquals(0, c.maxAbsDifference());
    assertEquals(List.of("O", "dX", "dF"),
        c.tensors().stream().map(EngineComparison.TensorDifference::tensor).toList());
  }

  @Test
  void largestDifferenceIsReportedPerTensorAndOverall() {
    Gradients a = new Gradients(t(1, 2), t(3), t(4, 5), t(6));
    Gradients b = new Gradients(t(1, 2.5), t(3), t(4, 2), t(6 + 1e-9));

    EngineComparison c = EngineComparison.of("java", a, "pytorch", b);

    assertFalse(c.exact());
    assertEquals(3, c.maxAbsDifference());
    assertEquals(0.5, c.tensors().get(0).maxAbsDifference());
    assertTrue(c.tensors().get(1).exact());
    assertEquals(1e-9, c.tensors().get(3).maxAbsDifference(), 1e-15);
  }

  @Test
  void negativeZeroEqualsZero() {
    Gradients a = new Gradients(t(0.0), t(-0.0), t(0.0), null);
    Gradients b = new Gradients(t(-0.0), t(0.0), t(0.0), null);

    assertTrue(EngineComparison.of("java", a, "pytorch", b).exact());
  }

  @Test
  void notANumberIsNeverExact() {
    Gradients a = new Gradients(t(Double.NaN), t(0), t(0), null);

    assertFalse(EngineComparison.of("java", a, "pytorch", a).exact());
  }

  @Test
  void differentShapesAreRefusedWithBothShapesInTheMessage() {
    Gradients a = new Gradients(t(1, 2), t(3), t(4), null);
    Gradients b = new Gradients(t(1, 2, 3), t(3), t(4), null);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EngineComparison.of("java", a, "pytorch", b));
    assertEquals("O shapes (2 and 3) must be equal", e.getMessage());
  }

  @Test
  void biasGradientOnOneSideOnlyIsRefused() {
    Gradients a = new Gradients(t(1), t(3), t(4), t(1));
    Gradients b = new Gradients(t(1), t(3), t(4), null);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EngineComparison.of("java", a, "pytorch", b));
    assertEquals("bias gradient (db) must be present in both java and pytorch results, or in"
        + " neither", e.getMessage());
  }
}
