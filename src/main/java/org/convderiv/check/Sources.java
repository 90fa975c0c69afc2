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
 * is {@code math}, {@code latex} or {@code tex}. Within math, {@code \\} also ends a claim, and
 * the rows of an environment such as {@code aligned} may span lines ({@link MathRows}).
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

  /**
   * Every line is a claim except blank lines, comments and LaTeX environment markers; inside a
   * math environment such as {@code align*}, rows end at {@code \\} instead (see
   * {@link MathRows}).
   */
  public static List<FormulaLine> plain(String content) {
    List<FormulaLine> out = new ArrayList<>();
    new MathRows(content, out).scan(0, content.length(), true);
    return out;
  }

  public static List<FormulaLine> markdown(String content) {
    List<FormulaLine> out = new ArrayList<>();
    MathRows rows = new MathRows(content, out);
    Node document = Parser.builder().build().parse(content);
    // Offset up to which the input is already read: a $$ block whose lines CommonMark took for
    // a list or a heading runs past its paragraph, and the nodes it covers are math, not text.
    int read = 0;
    for (Node node : document.getDescendants()) {
      if (node.getStartOffset() < read) {
        continue;
      }
      if (node instanceof FencedCodeBlock block) {
        String info = block.getInfo().toString().strip().toLowerCase(Locale.ROOT);
        if (info.equals("math") || info.equals("latex") || info.equals("tex")) {
          int start = block.getContentChars().getStartOffset();
          int end = block.getContentChars().getEndOffset();
          rows.scan(start, end, false);
        }
      } else if (node instanceof Paragraph paragraph) {
        // Display math is plain paragraph text to CommonMark; read it from the source so that
        // backslashes and underscores arrive as typed, with their true columns.
        int start = paragraph.getStartOffset();
        int end = paragraph.getEndOffset();
        int from = start;
        while (true) {
          int open = content.indexOf("$$", from);
          if (open < 0 || open >= end) {
            break;
          }
          int close = content.indexOf("$$", open + 2);
          if (close < 0 || close >= end && content.substring(end, close).contains("\n\n")) {
            break;
          }
          rows.scan(open + 2, close, false);
          from = close + 2;
          // Limitation: after a block that ran past its paragraph, the rest of the paragraph
          // holding the closing $$ is not searched for further blocks.
          read = Math.max(read, from);
        }
      }
    }
    return out;
  }
}
