package org.convderiv.cli;

import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerException;
import org.convderiv.layer.Padding;

/** Reads sizes as users write them: {@code 7}, {@code 5x5}, {@code 4x4x4}. */
final class SizeParser {
  private SizeParser() {}

  /** Largest size, stride, dilation or padding on one axis that is read at all. */
  static final int MAX_AXIS_VALUE = 1_000_000;

  static Dims dims(String role, String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (!t.matches("-?[0-9]+(x-?[0-9]+){0,2}")) {
      throw new LayerException(role + " (" + text
          + ") must be 1 to 3 whole numbers joined by x, such as 3x3");
    }
    String[] parts = t.split("x");
    int[] v = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = axisValue(role, text, parts[i]);
    }
    return Dims.of(v);
  }

  private static int axisValue(String role, String text, String digits) {
    String magnitude = digits.replaceFirst("^-?0*", "");
    if (magnitude.length() > 7 || Integer.parseInt(magnitude.isEmpty() ? "0" : magnitude)
        > MAX_AXIS_VALUE) {
      throw new LayerException(role + " (" + text + ") must be at most " + MAX_AXIS_VALUE
          + " on every axis");
    }
    return Integer.parseInt(digits);
  }

  /** A per-axis value given once for all axes ({@code 2}) is spread over {@code rank} axes. */
  static Dims perAxis(String role, String text, int rank) {
    Dims d = dims(role, text);
    return d.rank() == 1 && rank > 1 ? Dims.filled(rank, d.get(0)) : d;
  }

  /**
   * Padding: {@code valid}, {@code same}, {@code full}, a number ({@code 1}), one number per
   * axis ({@code 1x0}), or before:after per axis ({@code 0:1x1:0}).
   */
  static Padding padding(String text, int rank) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    switch (t) {
      case "valid": return Padding.valid();
      case "same": return Padding.same();
      case "full": return Padding.full();
      default: break;
    }
    if (!t.matches("[0-9]+(:[0-9]+)?(x[0-9]+(:[0-9]+)?){0,2}")) {
      throw new LayerException("padding (" + text + ") must be valid, same, full, a number,"
          + " one number per axis (1x0) or before:after per axis (0:1x1:0)");
    }
    String[] axes = t.split("x");
    int n = axes.length == 1 ? rank : axes.length;
    int[] before = new int[n];
    int[] after = new int[n];
    for (int a = 0; a < n; a++) {
      String[] sides = axes[axes.length == 1 ? 0 : a].split(":");
      before[a] = axisValue("padding", text, sides[0]);
      after[a] = axisValue("padding", text, sides[sides.length - 1]);
    }
    return Padding.explicit(Dims.of(before), Dims.of(after));
  }
}
