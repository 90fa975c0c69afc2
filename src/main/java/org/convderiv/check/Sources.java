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

  /** {@code \begin{document}} on a line that is not commented out before it. */
  private static final Pattern DOCUMENT =
      Pattern.compile("^[^%\n]*?\\\\begin\\{document\\}", Pattern.MULTILINE);
  private static final Pattern DOCUMENT_END = Pattern.compile("\\\\end\\{document\\}");
  /** Environments that open display math in a document's body. */
  private static final Pattern DISPLAY = Pattern.compile("\\\\begin\\{((?:equation|align|gather"
      + "|multline|flalign|alignat|eqnarray)\\*?)\\}");

  /**
   * Markdown when the name says so; a complete LaTeX document when it has
   * {@code \begin{document}}; plain lines otherwise (including standard input).
   */
  public static List<FormulaLine> read(String name, String content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return markdown(content);
    }
    return DOCUMENT.matcher(content).find() ? document(content) : plain(content);
  }

  /**
   * The claims of a complete LaTeX document: only its body counts, and there only math (display
   * environments, {@code \[ ... \]}, {@code $$ ... $$}, and inline {@code $...$} or
   * {@code \( ... \)} holding {@code =}); prose and commands are text, not claims.
   */
  public static List<FormulaLine> document(String content) {
    List<FormulaLine> out = new ArrayList<>();
    MathRows rows = new MathRows(content, out);
    Matcher begin = DOCUMENT.matcher(content);
    if (!begin.find()) {
      return plain(content);
    }
    Matcher finish = DOCUMENT_END.matcher(content);
    int end = finish.find(begin.end()) ? finish.start() : content.length();
    int i = begin.end();
    while (i < end) {
      char c = content.charAt(i);
      if (c == '%') {
        int eol = content.indexOf('\n', i);
        i = eol < 0 || eol > end ? end : eol;
      } else if (c == '\\' && i + 1 < end) {
        char next = content.charAt(i + 1);
        Matcher display = DISPLAY.matcher(content).region(i, end);
        if (display.lookingAt()) {
          String close = "\\end{" + display.group(1) + "}";
          int stop = indexOrEnd(content, close, display.end(), end);
          // From the \begin on, so that the rows are read as the environment's rows.
          rows.scan(i, Math.min(end, stop + close.length()), false);
          i = stop + close.length();
        } else if (next == '[' || next == '(') {
          String close = next == '[' ? "\\]" : "\\)";
          int stop = indexOrEnd(content, close, i + 2, end);
          if (next == '[' || content.substring(i + 2, stop).contains("=")) {
            rows.scan(i + 2, stop, false, 1);
          }
          i = stop + close.length();
        } else {
          // Any other command, or an escaped character such as \$ or \%.
          // Limitation: \verb and verbatim environments are not recognised, so a $ in them
          // opens math.
          i += 2;
        }
      } else if (c == '$') {
        boolean display = content.startsWith("$$", i);
        int from = i + (display ? 2 : 1);
        int stop = display ? indexOrEnd(content, "$$", from, end) : inlineEnd(content, from, end);
        if (display || content.substring(from, stop).contains("=")) {
          rows.scan(from, stop, false, 1);
        }
        i = stop + (display ? 2 : 1);
      } else {
        i++;
      }
    }
    return out;
  }

  /** Where {@code close} starts at or after {@code from}; {@code end} when it is missing. */
  private static int indexOrEnd(String content, String close, int from, int end) {
    int at = content.indexOf(close, from);
    return at < 0 || at > end ? end : at;
  }

  /** The closing {@code $} of inline math: not escaped, and in the same paragraph. */
  private static int inlineEnd(String content, int from, int end) {
    for (int k = from; k < end; k++) {
      char c = content.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '$') {
        return k;
      } else if (c == '\n' && content.startsWith("\n", k + 1)) {
        // Limitation: a blank line ends an unclosed $ here; LaTeX would report an error.
        return k;
      }
    }
    return end;
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
