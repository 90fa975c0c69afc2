package org.convderiv.render.figure;

import java.util.Objects;

/**
 * A short piece of mathematics drawn in a figure, spelled twice: {@code latex} is typeset in math
 * mode in TikZ; {@code plain} is for SVG, where {@code _{...}} marks a subscript ({@code X_{11}},
 * {@code rot_{180}(F)}). Figures hold no words: labels are symbols, indices and numbers.
 */
public record Label(String latex, String plain) {

  public Label {
    Objects.requireNonNull(latex, "latex");
    Objects.requireNonNull(plain, "plain");
  }

  /** A label spelled the same way in both forms, such as {@code 0} or {@code F}. */
  public static Label of(String both) {
    return new Label(both, both);
  }

  /** A symbol with a subscript: {@code X} and {@code 11} give X_{11} in both forms. */
  public static Label subscripted(String latexBase, String plainBase, String subscript) {
    if (subscript.isEmpty()) {
      return new Label(latexBase, plainBase);
    }
    return new Label(latexBase + "_{" + subscript + "}", plainBase + "_{" + subscript + "}");
  }
}
