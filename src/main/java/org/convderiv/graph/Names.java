package org.convderiv.graph;

import java.util.Set;

/** How a name of the graph prints in LaTeX: {@code x1} and {@code x_1} as x sub 1, greek names. */
public final class Names {
  private static final Set<String> GREEK = Set.of(
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
      "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
      "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega");

  private Names() {}

  /** Names are letters, digits and '_' (the parser's rule), so the result needs no escaping. */
  public static String latex(String name) {
    int underscore = name.indexOf('_');
    if (underscore > 0 && underscore < name.length() - 1) {
      return base(name.substring(0, underscore))
          + "_{" + name.substring(underscore + 1).replace("_", ",") + "}";
    }
    int digits = name.length();
    while (digits > 1 && Character.isDigit(name.charAt(digits - 1))) {
      digits--;
    }
    if (digits < name.length() && underscore < 0) {
      return base(name.substring(0, digits)) + "_{" + name.substring(digits) + "}";
    }
    return base(name.replace("_", "\\_"));
  }

  private static String base(String s) {
    if (GREEK.contains(s)) {
      return "\\" + s;
    }
    return s.length() == 1 ? s : "\\mathit{" + s + "}";
  }
}
