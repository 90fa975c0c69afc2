package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Markdown worksheet keeps its LaTeX inside {@code $$} blocks of their own, in the form
 * GitHub and pandoc both render, and a CommonMark renderer (Flexmark) leaves no LaTeX outside
 * the math.
 */
class WorksheetMarkdownTest {
  private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+");

  /** Line starts that make a Markdown block (list, heading, rule, table) out of math text. */
  private static final Pattern MARKDOWN_START =
      Pattern.compile("^(>\\s*)?(\\s{4}|[-+*#=|]|\\d+[.)]\\s)");

  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("classic 3x3 / 2x2", LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2))),
        Arguments.of("sizes from 10 on, 11x10 / 3x3",
            LayerSpec.classic(Dims.of(11, 10), Dims.of(3, 3))),
        Arguments.of("stride 2, padding 1, bias, 2 channels, 5x5 / 3x3",
            LayerSpec.builder(Dims.of(5, 5), Dims.of(3, 3)).stride(Dims.of(2, 2))
                .padding(Padding.explicit(Dims.of(1, 1), Dims.of(1, 1))).bias(true)
                .channelsIn(2).channelsOut(2).build()));
  }

  private static String markdown(LayerSpec spec) {
    return Worksheets.render(Worksheets.derive(spec), "case *one*").get(WorksheetWriter.MARKDOWN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void displayMathBlocksAreBalancedAndStandAlone(String label, LayerSpec spec) {
    List<String> lines = markdown(spec).lines().toList();
    boolean inMath = false;
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String body = line.startsWith(">") ? line.substring(1).strip() : line;
      if (body.equals("$$")) {
        if (!inMath) {
          String before = i == 0 ? "" : lines.get(i - 1).replace(">", "").strip();
          assertEquals("", before, "line " + (i + 1) + ": $$ must follow a blank line");
          blocks++;
        } else {
          String after = i + 1 < lines.size() ? lines.get(i + 1).replace(">", "").strip() : "";
          assertEquals("", after, "line " + (i + 2) + ": $$ must be followed by a blank line");
        }
        inMath = !inMath;
        continue;
      }
      if (inMath) {
        assertFalse(body.isBlank(), "line " + (i + 1) + ": blank line inside $$");
        assertFalse(MARKDOWN_START.matcher(line).find(),
            "line " + (i + 1) + " inside $$ could be read as Markdown: " + body);
      } else {
        assertFalse(line.contains("\\begin{"), "line " + (i + 1) + ": environment outside $$");
      }
    }
    assertFalse(inMath, "unclosed $$");
    assertTrue(blocks > 10, "expected the derivation in display math, found " + blocks);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void onlyAlignedEnvironmentsThatGithubAndPandocRenderAreUsed(String label, LayerSpec spec) {
    String md = markdown(spec);
    assertFalse(Pattern.compile("\\\\begin\\{align\\*?\\}").matcher(md).find(),
        "align is not allowed inside $$ (aligned is)");
    Matcher m = Pattern.compile("\\\\begin\\{([a-z*]+)\\}").matcher(md);
    while (m.find()) {
      assertTrue(List.of("aligned", "gathered", "bmatrix").contains(m.group(1)), m.group());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void flexmarkRendersNoLatexOutsideTheMath(String label, LayerSpec spec) {
    String md = markdown(spec);
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    Parser parser = Parser.builder(options).build();
    String html = HtmlRenderer.builder(options).build().render(parser.parse(md));

    assertEquals(count(md, "$$"), count(html, "$$"), "every $$ survives rendering");
    String[] parts = html.split("\\$\\$", -1);
    StringBuilder outside = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 1) {
        assertFalse(parts[i].contains("<li>") || parts[i].contains("<h")
            || parts[i].contains("<em>") || parts[i].contains("<table>"),
            "Markdown markup inside a math block: " + parts[i]);
      } else {
        outside.append(parts[i].replaceAll("\\$[^$\\n]+\\$", " "));
      }
    }
    Matcher leak = COMMAND.matcher(outside);
    assertFalse(leak.find(), () -> "LaTeX outside math: " + outside.substring(
        Math.max(0, leak.start() - 80), Math.min(outside.length(), leak.end() + 80)));
    assertTrue(html.contains("<table>"), "the numeric check is a table");
    assertTrue(html.contains("<h2>Step 1. Setup</h2>"));
  }

  private static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
