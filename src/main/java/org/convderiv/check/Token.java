package org.convderiv.check;

/**
 * One lexical unit of a claim. {@code spaced} records whether blanks preceded it, which is how
 * {@code X22} (an index) differs from {@code X 22} (a product with the number 22).
 */
record Token(Kind kind, String text, int column, boolean spaced) {

  enum Kind {
    /** A run of letters: {@code X}, {@code dL}, {@code dO}. */
    WORD,
    /** A run of digits. */
    NUMBER,
    /** A name of the tensor language: {@code conv}, {@code full_conv}, {@code rot180}. */
    FUNCTION,
    /** A LaTeX command without its backslash: {@code frac}, {@code partial}. */
    COMMAND,
    /** One character of punctuation or an operator. */
    SYMBOL,
    END
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isSymbol(String t) {
    return is(Kind.SYMBOL, t);
  }
}
