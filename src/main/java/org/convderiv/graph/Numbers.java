package org.convderiv.graph;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers print in worksheets and messages: integers plainly, others to 6 digits. */
public final class Numbers {
  private Numbers() {}

  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return "0"; // also -0.0, which would confuse a reader
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
  }

  public static String format(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.signum() == 0 ? "0" : s.toPlainString();
  }
}
