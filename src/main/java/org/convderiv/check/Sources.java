package org.convderiv.check;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the claims of an input file. A plain file holds one claim per line; a Markdown file
 * holds them in display math: {@code $$ ... $$} inside a paragraph, or a fenced block whose info
 * is {@code math}, {@code latex} or {@code tex}. Within math, {@code \\} also ends a claim.
 */
public final class Sources {
  /** {@code % layer: input 3x3, kernel 2x2} after %, #, // or inside an HTML comment. */
  private static final Pattern HEADER =
      Pattern.compile("^\\s*(?:%|#|//|<!--)\\s*layer\\s*:(.*?)(?:-->)?\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private Sources() {}

  /** The settings of the first layer header, as written after {@code layer:}. */
  public static Optional<String> layerHeader(String content) {
    Matcher m = HEADER.matcher(content);
    return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
  }

  /** Markdown when the name says so; plain lines otherwise (including standard input). */
  public static List<FormulaLine> read(String name, String content) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown")
        ? markdown(content) : plain(content);
  }

  /** Every line is a claim except blank lines, comments and LaTeX environment markers. */
  public static List<FormulaLine> plain(String content) {
    List<FormulaLine> out = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.startsWith("%") || t.startsWith("#") || t.startsWith("//")) {
        continue;
      }
      split(lines[i], i + 1, 0, out);
    }
    return out;
  }

  public static List<FormulaLine> markdown(String content) {
    LineIndex index = new LineIndex(content);
    List<FormulaLine> out = new ArrayList<>();
    Node document = Parser.builder().build().parse(content);
    for (Node node : document.getDescendants()) {
      if (node instanceof FencedCodeBlock block) {
        String info = block.getInfo().toString().strip().toLowerCase(Locale.ROOT);
        if (info.equals("math") || info.equals("latex") || info.equals("tex")) {
          int start = block.getContentChars().getStartOffset();
          int end = block.getContentChars().getEndOffset();
          region(content, start, end, index, out);
        }
      } else if (node instanceof Paragraph paragraph) {
        // Display math is plain paragraph text to CommonMark; read it from the source so that
        // backslashes and underscores arrive as typed, with their true columns.
        int start = paragraph.getStartOffset();
        int end = paragraph.getEndOffset();
        String text = content.substring(start, end);
        int from = 0;
        while (true) {
          int open = text.indexOf("$$", from);
          int close = open < 0 ? -1 : text.indexOf("$$", open + 2);
          if (close < 0) {
            break;
          }
          region(content, start + open + 2, start + close, index, out);
          from = close + 2;
        }
      }
    }
    return out;
  }

  /** Adds the claims of the math between offsets {@code start} and {@code end}. */
  private static void region(String content, int start, int end, LineIndex index,
      List<FormulaLine> out) {
    int lineStart = start;
    for (int i = start; i <= end; i++) {
      if (i == end || content.charAt(i) == '\n') {
        String line = content.substring(lineStart, i);
        split(line, index.line(lineStart), index.column(lineStart) - 1, out);
        lineStart = i + 1;
      }
    }
  }

  /**
   * Cuts one line at LaTeX line breaks and strips what only frames a formula: {@code $$},
   * {@code \[}, {@code \]}, environment markers, a final comma or full stop.
   */
  private static void split(String line, int lineNumber, int columnOffset,
      List<FormulaLine> out) {
    int from = 0;
    while (from <= line.length()) {
      int cut = line.indexOf("\\\\", from);
      int end = cut < 0 ? line.length() : cut;
      String piece = line.substring(from, end);
      int lead = 0;
      String t = piece;
      for (String frame : List.of("$$", "\\[", "$")) {
        int at = t.indexOf(frame);
        if (at >= 0 && t.substring(0, at).isBlank()) {
          lead += at + frame.length();
          t = t.substring(at + frame.length());
        }
      }
      for (String frame : List.of("$$", "\\]", "$")) {
        String s = t.stripTrailing();
        if (s.endsWith(frame)) {
          t = s.substring(0, s.length() - frame.length());
        }
      }
      t = t.stripTrailing();
      if (t.endsWith(",") || t.endsWith(".")) {
        t = t.substring(0, t.length() - 1);
      }
      int blank = t.length() - t.stripLeading().length();
      t = t.strip();
      boolean environment = t.startsWith("\\begin") || t.startsWith("\\end");
      if (!t.isEmpty() && !environment) {
        out.add(new FormulaLine(lineNumber, columnOffset + from + lead + blank + 1, t));
      }
      if (cut < 0) {
        break;
      }
      from = cut + 2;
    }
  }

  /** Offsets to 1-based lines and columns. */
  private static final class LineIndex {
    private final List<Integer> starts = new ArrayList<>();

    LineIndex(String content) {
      starts.add(0);
      for (int i = 0; i < content.length(); i++) {
        if (content.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
    }

    int line(int offset) {
      int lo = 0;
      int hi = starts.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (starts.get(mid) <= offset) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo + 1;
    }

    int column(int offset) {
      return offset - starts.get(line(offset) - 1) + 1;
    }
  }
}
