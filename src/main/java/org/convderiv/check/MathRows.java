package org.convderiv.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Cuts input text into claims the way LaTeX cuts math into rows. {@code \\} ends a row; a line
 * ends one too, except inside a math environment such as {@code align*} or {@code aligned},
 * where a row may run over several lines. In math (an environment, or a Markdown math block) a
 * row that starts with an operator after its alignment mark, as {@code &\quad + ...} does,
 * continues the claim before it, and a row {@code &= ...} is a further claim about the same
 * left-hand side. Every character keeps its offset in the input, so a problem found in a joined
 * claim is still reported at the line and column where it was written.
 */
final class MathRows {
  /** Environments whose rows may span lines; other environments' markers are only dropped. */
  static final Set<String> ENVIRONMENTS = Set.of("align", "align*", "aligned", "alignat",
      "alignat*", "alignedat", "gather", "gather*", "gathered", "split", "equation",
      "equation*", "multline", "multline*", "flalign", "flalign*", "eqnarray", "eqnarray*");
  /** Commands that only number or name a row; dropped with their braced argument. */
  private static final Set<String> MARKUP = Set.of("nonumber", "notag", "label", "tag");
  /** Spacing commands that may stand between an alignment mark and the operator after it. */
  private static final List<String> SPACING =
      List.of("\\qquad", "\\quad", "\\,", "\\;", "\\:", "\\!", "\\ ");

  private final String content;
  private final LineIndex index;
  private final List<FormulaLine> out;
  /** The claim being assembled: continuation rows may still be added to it. */
  private Row pending;
  /** Where the pending claim's own row starts; a rewrite row starts past its copied target. */
  private int pendingStart;

  MathRows(String content, List<FormulaLine> out) {
    this.content = content;
    this.index = new LineIndex(content);
    this.out = out;
  }

  /**
   * Adds the claims between offsets {@code start} and {@code end}. In a plain file, lines
   * outside environments are one claim each (cut at {@code \\}) and may be comments; in a
   * Markdown math block everything is math.
   */
  void scan(int start, int end, boolean plainFile) {
    scan(start, end, plainFile, 0);
  }

  /**
   * As {@link #scan(int, int, boolean)}, with {@code depth} environments already open: a
   * document's {@code \[ ... \]} is one display whose rows may span lines.
   */
  void scan(int start, int end, boolean plainFile, int depth) {
    Row.Builder row = new Row.Builder();
    int i = start;
    boolean lineStart = true;
    while (i < end) {
      if (lineStart && plainFile && depth == 0) {
        int eol = lineEnd(i, end);
        String t = content.substring(i, eol).strip();
        if (t.startsWith("%") || t.startsWith("#") || t.startsWith("//")) {
          i = eol;
          continue;
        }
      }
      lineStart = false;
      char c = content.charAt(i);
      if (c == '\n') {
        if (depth > 0) {
          // A line break inside a row of an environment is a blank, as LaTeX reads it.
          row.stripTrailing();
          row.append(' ', i);
          while (i + 1 < end && (content.charAt(i + 1) == ' ' || content.charAt(i + 1) == '\t')) {
            i++;
          }
        } else {
          endRow(row, !plainFile);
        }
        lineStart = true;
        i++;
      } else if (c == '\r') {
        i++;
      } else if (c == '%' && depth > 0) {
        // A LaTeX comment; outside environments '%' stays and is refused with its column.
        i = lineEnd(i, end);
      } else if (c == '\\' && i + 1 < end && content.charAt(i + 1) == '\\') {
        endRow(row, !plainFile || depth > 0);
        i = skipGroups(i + 2, end, "*");
      } else if (c == '\\') {
        int j = i + 1;
        while (j < end && Character.isLetter(content.charAt(j))) {
          j++;
        }
        if (j == i + 1 && j < end) {
          j++;
        }
        String name = content.substring(i + 1, j);
        String environment = (name.equals("begin") || name.equals("end"))
            ? braced(j, end) : null;
        if (environment == null && MARKUP.contains(name)) {
          // Numbering and cross-reference markup says nothing about the formula.
          i = name.equals("label") || name.equals("tag") ? skipGroups(j, end, "*") : j;
          continue;
        }
        if (environment == null) {
          row.append(content, i, j);
          i = j;
          continue;
        }
        endRow(row, !plainFile || depth > 0);
        if (ENVIRONMENTS.contains(environment)) {
          depth = Math.max(0, depth + (name.equals("begin") ? 1 : -1));
        }
        i = j + environment.length() + 2;
        if (name.equals("begin")) {
          i = skipGroups(i, end, "");
        }
      } else {
        row.append(c, i);
        i++;
      }
    }
    endRow(row, !plainFile || depth > 0);
    flush();
  }

  /** Takes the row built so far; {@code math} allows it to continue the pending claim. */
  private void endRow(Row.Builder builder, boolean math) {
    Row row = frames(builder.take()).strip();
    if (row.text().isEmpty()) {
      return;
    }
    Row body = math ? afterAlignment(row) : row;
    String t = body.text();
    boolean operator = t.startsWith("+") || t.startsWith("-") || t.startsWith("*")
        || t.startsWith("\\cdot") || t.startsWith("\\times");
    if (math && pending != null && operator) {
      pending = pending.join(body);
      return;
    }
    Row target = math && pending != null && t.startsWith("=") ? pending.leftSide() : null;
    flush();
    if (target != null) {
      // "&= ..." rewrites the same left-hand side: check it as a claim of its own.
      pending = target.join(body);
      pendingStart = body.at(0);
    } else {
      pending = row;
      pendingStart = row.at(0);
    }
  }

  private void flush() {
    if (pending == null) {
      return;
    }
    Row claim = trailingPunctuation(pending.stripTrailing());
    pending = null;
    if (claim.text().isEmpty()) {
      return;
    }
    List<FormulaLine.Span> spans = new ArrayList<>();
    for (int k = 0; k < claim.text().length(); k++) {
      int offset = claim.at(k);
      FormulaLine.Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
      int line = index.line(offset);
      if (last == null || last.line() != line
          || last.column() + (k - last.from()) != index.column(offset)) {
        spans.add(new FormulaLine.Span(k, line, index.column(offset)));
      }
    }
    out.add(new FormulaLine(index.line(pendingStart), index.column(pendingStart), claim.text(),
        spans));
  }

  /** The claim without the {@code ,} or {@code .} that ends it in prose, nor spacing there. */
  private static Row trailingPunctuation(Row claim) {
    Row t = claim;
    boolean more = true;
    while (more) {
      more = false;
      String s = t.text();
      for (String space : SPACING) {
        if (!space.isBlank() && s.endsWith(space.strip())) {
          t = t.sub(0, s.length() - space.strip().length()).stripTrailing();
          more = true;
          break;
        }
      }
      s = t.text();
      boolean escaped = s.length() > 1 && s.charAt(s.length() - 2) == '\\';
      if (!more && !escaped && (s.endsWith(",") || s.endsWith("."))) {
        t = t.sub(0, s.length() - 1).stripTrailing();
        more = true;
      }
    }
    return t;
  }

  /** Strips what only frames a formula: {@code $$}, {@code \[}, {@code \]}, {@code $}. */
  private static Row frames(Row row) {
    Row t = row;
    for (String frame : List.of("$$", "\\[", "$")) {
      int at = t.text().indexOf(frame);
      if (at >= 0 && t.text().substring(0, at).isBlank()) {
        t = t.sub(at + frame.length(), t.text().length());
      }
    }
    for (String frame : List.of("$$", "\\]", "$")) {
      Row s = t.stripTrailing();
      if (s.text().endsWith(frame)) {
        t = s.sub(0, s.text().length() - frame.length());
      }
    }
    return t;
  }

  /** The row past its leading alignment mark and the spacing after it. */
  private static Row afterAlignment(Row row) {
    Row t = row;
    boolean more = true;
    while (more) {
      t = t.strip();
      more = false;
      if (t.text().startsWith("&")) {
        t = t.sub(1, t.text().length());
        more = true;
      }
      for (String space : SPACING) {
        String s = t.text();
        if (s.startsWith(space)
            && (s.length() == space.length() || !Character.isLetter(s.charAt(space.length())))) {
          t = t.sub(space.length(), s.length());
          more = true;
        }
      }
    }
    return t;
  }

  private int lineEnd(int i, int end) {
    int eol = content.indexOf('\n', i);
    return eol < 0 || eol > end ? end : eol;
  }

  /** The name in braces right at {@code i}, as after {@code \begin}; null when there is none. */
  private String braced(int i, int end) {
    if (i >= end || content.charAt(i) != '{') {
      return null;
    }
    int close = content.indexOf('}', i);
    return close < 0 || close >= end ? null : content.substring(i + 1, close);
  }

  /**
   * Skips the groups that follow a row break or an environment's start without a blank:
   * {@code \\*}, {@code \\[2pt]}, {@code \begin{aligned}[t]}, {@code \begin{alignat}{2}}. No
   * claim starts with a bracket or a brace, so nothing of a claim is lost.
   */
  private int skipGroups(int i, int end, String marks) {
    int j = i;
    while (j < end) {
      char c = content.charAt(j);
      if (marks.indexOf(c) >= 0) {
        j++;
      } else if (c == '[' || c == '{') {
        int close = content.indexOf(c == '[' ? ']' : '}', j);
        if (close < 0 || close >= end) {
          return j;
        }
        j = close + 1;
      } else {
        return j;
      }
    }
    return j;
  }

  /** Text whose every character remembers its offset in the input. */
  record Row(String text, int[] offsets) {

    int at(int k) {
      return offsets[k];
    }

    Row sub(int from, int to) {
      return new Row(text.substring(from, to), Arrays.copyOfRange(offsets, from, to));
    }

    Row strip() {
      return stripLeading().stripTrailing();
    }

    Row stripLeading() {
      int from = text.length() - text.stripLeading().length();
      return sub(from, text.length());
    }

    Row stripTrailing() {
      return sub(0, text.stripTrailing().length());
    }

    /** This row, one blank, then {@code next}: the blank sits just after this row's end. */
    Row join(Row next) {
      Row head = stripTrailing();
      int blank = head.text.isEmpty() ? next.at(0) : head.at(head.text.length() - 1) + 1;
      int[] all = new int[head.offsets.length + 1 + next.offsets.length];
      System.arraycopy(head.offsets, 0, all, 0, head.offsets.length);
      all[head.offsets.length] = blank;
      System.arraycopy(next.offsets, 0, all, head.offsets.length + 1, next.offsets.length);
      return new Row(head.text + " " + next.text, all);
    }

    /** The claim's target: the text before its first {@code =} outside brackets, or null. */
    Row leftSide() {
      int depth = 0;
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        if (c == '(' || c == '{') {
          depth++;
        } else if (c == ')' || c == '}') {
          depth--;
        } else if (c == '=' && depth == 0) {
          Row left = sub(0, k).stripTrailing();
          while (left.text.endsWith("&")) {
            left = left.sub(0, left.text.length() - 1).stripTrailing();
          }
          return left.text.isEmpty() ? null : left;
        }
      }
      return null;
    }

    /** Collects characters with their offsets. */
    static final class Builder {
      private final StringBuilder text = new StringBuilder();
      private int[] offsets = new int[64];

      void append(char c, int offset) {
        if (text.length() == offsets.length) {
          offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[text.length()] = offset;
        text.append(c);
      }

      void append(String source, int from, int to) {
        for (int k = from; k < to; k++) {
          append(source.charAt(k), k);
        }
      }

      void stripTrailing() {
        int keep = text.length();
        while (keep > 0 && Character.isWhitespace(text.charAt(keep - 1))) {
          keep--;
        }
        text.setLength(keep);
      }

      Row take() {
        Row row = new Row(text.toString(), Arrays.copyOf(offsets, text.length()));
        text.setLength(0);
        return row;
      }
    }
  }
}
