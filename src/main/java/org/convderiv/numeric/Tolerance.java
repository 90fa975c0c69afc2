package org.convderiv.numeric;

import java.util.Arrays;
import org.convderiv.layer.Dims;
import org.convderiv.layer.Tensor;

/**
 * How far a value may stray from its reference: {@code |actual - reference| <= atol + rtol
 * |reference|}, the rule of PyTorch's {@code allclose} that {@code gradcheck} applies. NaN is
 * never close to anything.
 */
public record Tolerance(double atol, double rtol) {

  /** The defaults of PyTorch's gradcheck, for float64 finite differences. */
  public static final Tolerance GRADCHECK = new Tolerance(1e-5, 1e-3);

  /** Bit-for-bit equality, for small integers where every operation is exact. */
  public static final Tolerance EXACT = new Tolerance(0, 0);

  public Tolerance {
    if (!(atol >= 0) || !(rtol >= 0) || Double.isInfinite(atol) || Double.isInfinite(rtol)) {
      throw new IllegalArgumentException(
          "tolerance (atol " + atol + ", rtol " + rtol + ") must be finite and not negative");
    }
  }

  public boolean accepts(double reference, double actual) {
    return Math.abs(actual - reference) <= atol + rtol * Math.abs(reference);
  }

  /** Compares element by element; both tensors must have the same shape. */
  public Comparison compare(Tensor reference, Tensor actual) {
    if (!reference.shape().equals(actual.shape())) {
      throw new IllegalArgumentException("tensor (shape " + actual.shape()
          + ") must have the reference's shape " + reference.shape() + " to be compared");
    }
    double largest = 0;
    int largestAt = -1;
    int firstOffending = -1;
    for (int i = 0; i < reference.size(); i++) {
      double diff = Math.abs(actual.at(i) - reference.at(i));
      // Once a NaN difference is seen it stays the largest: nothing compares above it.
      if (largestAt < 0 || diff > largest || (Double.isNaN(diff) && !Double.isNaN(largest))) {
        largest = diff;
        largestAt = i;
      }
      if (firstOffending < 0 && !accepts(reference.at(i), actual.at(i))) {
        firstOffending = i;
      }
    }
    return new Comparison(this, reference.shape(), largest, largestAt, firstOffending);
  }

  /**
   * The outcome of {@link #compare}: the largest absolute difference and where it is, and the
   * first element (row-major) outside the tolerance, -1 for none. Positions are row-major offsets.
   */
  public record Comparison(
      Tolerance tolerance, Dims shape, double largestDifference, int largestAt,
      int firstOffendingAt) {

    public boolean passes() {
      return firstOffendingAt < 0;
    }

    /** The full index of the first offending element, or null when all pass. */
    public int[] firstOffendingIndex() {
      return passes() ? null : shape.indexAt(firstOffendingAt);
    }

    /** One line for an assertion message or a report. */
    @Override
    public String toString() {
      String largestPart = largestAt < 0 ? "no elements"
          : "largest difference " + largestDifference + " at "
              + Arrays.toString(shape.indexAt(largestAt));
      String verdict = passes() ? "all within" : "first outside at "
          + Arrays.toString(firstOffendingIndex()) + ", beyond";
      return largestPart + "; " + verdict + " atol " + tolerance.atol() + " + rtol "
          + tolerance.rtol();
    }
  }
}
