package org.convderiv.render.figure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Coordinates as short, locale-free decimals, so that figure text is the same on every machine. */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }
}
