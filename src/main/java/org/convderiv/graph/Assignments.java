package org.convderiv.graph;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code x=-2,y=5,df/dq=-4}: the point of evaluation, or claimed values. */
public final class Assignments {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*|d[A-Za-z][A-Za-z0-9_]*/d[A-Za-z][A-Za-z0-9_]*");

  private Assignments() {}

  /** {@code role} names the option in messages, e.g. "--at". */
  public static Map<String, Double> parse(String text, String role) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      String p = part.strip();
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(role + " (" + text + ") must be name=number pairs"
            + " separated by commas, e.g. x=-2,y=5; '" + p + "' has no '='");
      }
      String name = p.substring(0, eq).strip();
      String value = p.substring(eq + 1).strip();
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(role + " (" + text + "): '" + name
            + "' must be a name such as x, or a gradient such as df/dx");
      }
      double v;
      try {
        v = new BigDecimal(value).doubleValue();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(role + " (" + text + "): the value of " + name
            + " ('" + value + "') must be a decimal number");
      }
      if (out.put(name, v) != null) {
        throw new IllegalArgumentException(role + " (" + text + ") gives " + name + " twice");
      }
    }
    return out;
  }
}
