package org.convderiv.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convderiv.layer.Dims;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.Tolerance.Comparison;
import org.junit.jupiter.api.Test;

class ToleranceTest {

  private static final Tensor ZEROS = Tensor.zeros(Dims.of(2, 3));
  private static final Tensor TWO_OFF =
      new Tensor(Dims.of(2, 3), new double[] {0, 0, 0.5, 0, 2, 0});

  @Test
  void acceptsUpToAtolPlusRtolTimesTheReference() {
    Tolerance t = new Tolerance(0.5, 0.25);

    assertTrue(t.accepts(10, 13)); // 3 <= 0.5 + 2.5
    assertFalse(t.accepts(10, 13.25));
    assertTrue(t.accepts(-10, -7));
    assertFalse(t.accepts(0, Double.NaN));
  }

  @Test
  void reportsTheLargestDifferenceAndTheFirstElementOutside() {
    Comparison c = new Tolerance(0.1, 0).compare(ZEROS, TWO_OFF);

    assertFalse(c.passes());
    assertEquals(2.0, c.largestDifference());
    assertArrayEquals(new int[] {1, 1}, c.shape().indexAt(c.largestAt()));
    assertArrayEquals(new int[] {0, 2}, c.firstOffendingIndex());
    assertEquals("largest difference 2.0 at [1, 1]; first outside at [0, 2], beyond atol 0.1"
        + " + rtol 0.0", c.toString());
  }

  @Test
  void aLooseEnoughTolerancePassesEveryElement() {
    Comparison c = new Tolerance(2, 0).compare(ZEROS, TWO_OFF);

    assertTrue(c.passes());
    assertNull(c.firstOffendingIndex());
    assertEquals(2.0, c.largestDifference());
  }

  @Test
  void exactPassesOnlyIdenticalTensors() {
    assertTrue(Tolerance.EXACT.compare(TWO_OFF, TWO_OFF).passes());
    assertFalse(Tolerance.EXACT.compare(ZEROS, TWO_OFF).passes());
  }

  @Test
  void aNanIsTheLargestDifferenceAndFails() {
    Tensor nan = new Tensor(Dims.of(2, 3), new double[] {0, Double.NaN, 0, 0, 5, 0});

    Comparison c = Tolerance.GRADCHECK.compare(ZEROS, nan);

    assertTrue(Double.isNaN(c.largestDifference()));
    assertArrayEquals(new int[] {0, 1}, c.firstOffendingIndex());
  }

  @Test
  void refusesTensorsOfDifferentShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tolerance.GRADCHECK.compare(ZEROS, Tensor.zeros(Dims.of(3, 2))));
    assertEquals("tensor (shape 3x2) must have the reference's shape 2x3 to be compared",
        e.getMessage());
  }

  @Test
  void refusesANegativeTolerance() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1, 0));
    assertEquals("tolerance (atol -1.0, rtol 0.0) must be finite and not negative",
        e.getMessage());
  }
}
