package org.convderiv.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps TeX math away from the Markdown parser. CommonMark would read {@code \\} in a matrix as
 * an escaped backslash and {@code _} as emphasis, so KaTeX would get broken input. Each
 * {@code $$...$$} block and each inline {@code $...$} is swapped for a token of letters and
 * digits before parsing and put back afterwards, without its dollars and HTML-escaped, in a
 * {@code <span class="math">} (plus {@code display} for {@code $$}). The page typesets exactly
 * these spans, so the browser and this class never disagree on what is math: a dollar amount
 * in the text stays text.
 */
final class MathShield {
  // Limitation: dollars inside Markdown code spans or blocks are taken as math too; the
  // worksheets put no code in their Markdown.
  private static final Pattern TOKEN = Pattern.compile("convderivmath(\\d+)z");

  private final List<String> spans = new ArrayList<>();

  /**
   * The Markdown with every math span replaced by a token. A scan rather than a regular
   * expression: Java's regex engine recurses once per character of an alternation, and the
   * display blocks of a large layer run to thousands of characters.
   */
  String hide(String markdown) {
    StringBuilder sb = new StringBuilder(markdown.length());
    int i = 0;
    while (i < markdown.length()) {
      int end = mathEnd(markdown, i);
      if (end < 0) {
        sb.append(markdown.charAt(i++));
        continue;
      }
      spans.add(markdown.substring(i, end));
      sb.append("convderivmath").append(spans.size() - 1).append('z');
      i = end;
    }
    return sb.toString();
  }

  /** Where the math span starting at {@code i} ends (exclusive), or -1 when none starts there. */
  private static int mathEnd(String s, int i) {
    if (s.charAt(i) != '$' || i > 0 && (s.charAt(i - 1) == '\\' || s.charAt(i - 1) == '$')) {
      return -1;
    }
    if (s.startsWith("$$", i)) {
      int close = s.indexOf("$$", i + 2);
      return close > i + 2 ? close + 2 : -1;
    }
    // Inline math follows Pandoc's rule: no space just inside either dollar, no digit right
    // after the closing one, so "costs $5 and $6" stays text.
    if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1))) {
      return -1;
    }
    int k = i + 1;
    while (k < s.length()) {
      char c = s.charAt(k);
      if (c == '\\') {
        k += 2;
      } else if (c == '\n') {
        return -1;
      } else if (c == '$') {
        boolean closes = !Character.isWhitespace(s.charAt(k - 1))
            && (k + 1 >= s.length() || !Character.isDigit(s.charAt(k + 1)));
        return closes ? k + 1 : -1;
      } else {
        k++;
      }
    }
    return -1;
  }

  /** The HTML with each token replaced by its math, escaped for HTML text. */
  String restore(String html) {
    Matcher m = TOKEN.matcher(html);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String math = spans.get(Integer.parseInt(m.group(1)));
      boolean display = math.startsWith("$$");
      String tex = display ? math.substring(2, math.length() - 2)
          : math.substring(1, math.length() - 1);
      String span = "<span class=\"math" + (display ? " display" : "") + "\">"
          + escapeHtml(tex.strip()) + "</span>";
      m.appendReplacement(sb, Matcher.quoteReplacement(span));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
