package org.convderiv.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one claim into tokens. Only the characters of the claim grammar are accepted, so text
 * such as {@code Import["/etc/passwd"]} stops here or at the parser, before anything evaluates it.
 */
final class Lexer {
  /** Names of the tensor language; longest first, so {@code full_conv} wins over a prefix. */
  static final List<String> FUNCTIONS = List.of(
      "full_conv", "transpose", "dilate", "rot180", "conv", "flip", "crop", "pad", "sum");

  private static final String SYMBOLS = "+-*/=(),{}_^";
  /** LaTeX spacing and layout commands that carry no meaning in a claim. */
  private static final List<String> IGNORED_COMMANDS = List.of(
      ",", ";", ":", "!", " ", "quad", "qquad", "displaystyle");

  private Lexer() {}

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    boolean spaced = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      int column = i + 1;
      if (Character.isWhitespace(c) || c == '&') {
        // '&' is an alignment mark of LaTeX's align environments: layout only.
        spaced = true;
        i++;
        continue;
      }
      String function = functionAt(text, i);
      if (function != null) {
        out.add(new Token(Token.Kind.FUNCTION, function, column, spaced));
        i += functionLength(text, i, function);
      } else if (isLetter(c)) {
        int j = i;
        while (j < text.length() && isLetter(text.charAt(j))) {
          j++;
        }
        out.add(new Token(Token.Kind.WORD, text.substring(i, j), column, spaced));
        i = j;
      } else if (c >= '0' && c <= '9') {
        int j = i;
        while (j < text.length() && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        out.add(new Token(Token.Kind.NUMBER, text.substring(i, j), column, spaced));
        i = j;
      } else if (c == '\\') {
        int j = i + 1;
        while (j < text.length() && isLetter(text.charAt(j))) {
          j++;
        }
        if (j == i + 1 && j < text.length()) {
          j++;
        }
        String name = text.substring(i + 1, j);
        if (name.isEmpty()) {
          throw new ClaimException(column, "a backslash must start a LaTeX command, not end the"
              + " line");
        }
        i = j;
        if (IGNORED_COMMANDS.contains(name)) {
          spaced = true;
          continue;
        }
        out.add(new Token(Token.Kind.COMMAND, name, column, spaced));
      } else if (SYMBOLS.indexOf(c) >= 0) {
        out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), column, spaced));
        i++;
      } else {
        throw new ClaimException(column, "character '" + c + "' is not part of a claim"
            + " (allowed: symbols, numbers, + - * = ( ) and LaTeX commands)");
      }
      spaced = false;
    }
    out.add(new Token(Token.Kind.END, "", text.length() + 1, spaced));
    return out;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The function name starting at {@code i}, with {@code \_} accepted for {@code _} (LaTeX). */
  private static String functionAt(String text, int i) {
    if (i > 0 && isLetter(text.charAt(i - 1))) {
      return null;
    }
    for (String f : FUNCTIONS) {
      int end = i + functionLength(text, i, f);
      if (end > i && (end >= text.length() || !isLetter(text.charAt(end))
          && !Character.isDigit(text.charAt(end)))) {
        return f;
      }
    }
    return null;
  }

  /** Characters {@code name} takes at {@code i}, or 0 when it is not there. */
  private static int functionLength(String text, int i, String name) {
    int j = i;
    for (int k = 0; k < name.length(); k++) {
      char want = name.charAt(k);
      if (want == '_' && text.startsWith("\\_", j)) {
        j += 2;
      } else if (j < text.length() && text.charAt(j) == want) {
        j++;
      } else {
        return 0;
      }
    }
    return j - i;
  }
}
