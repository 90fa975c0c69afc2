package org.convderiv.render;

/** Escapes text so that LaTeX prints it literally, whatever characters a user typed. */
public final class LatexEscaper {
  private LatexEscaper() {}

  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '{', '}', '$', '&', '#', '_', '%' -> sb.append('\\').append(c);
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        case '<' -> sb.append("\\textless{}");
        case '>' -> sb.append("\\textgreater{}");
        case '|' -> sb.append("\\textbar{}");
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
