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
  // Inline math follows Pandoc's rule: no space just inside either dollar, no digit right
  // after the closing one, so "costs $5 and $6" stays text.
  private static final Pattern MATH = Pattern.compile(
      "\\$\\$(?:[^$]|\\$(?!\\$))+?\\$\\$|(?<![\\\\$])\\$(?=\\S)(?:[^$\\n\\\\]|\\\\.)+?(?<=\\S)\\$(?!\\d)",
      Pattern.DOTALL);
  private static final Pattern TOKEN = Pattern.compile("convderivmath(\\d+)z");

  private final List<String> spans = new ArrayList<>();

  /** The Markdown with every math span replaced by a token. */
  String hide(String markdown) {
    Matcher m = MATH.matcher(markdown);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      spans.add(m.group());
      m.appendReplacement(sb, "convderivmath" + (spans.size() - 1) + "z");
    }
    m.appendTail(sb);
    return sb.toString();
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
