package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convderiv.render.figure.FigureSamples;
import org.convderiv.render.figure.SvgWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {
  /** A tiny worksheet: display math with a matrix and a fraction, inline math, a table, SVG. */
  static final String SAMPLE = "# Backward pass\n\n"
      + "The gradient of $X_{11}$ with respect to the loss, where $a_1 * b_2$ keeps its stars:\n\n"
      + "$$\n\\frac{\\partial L}{\\partial F} = \\begin{bmatrix} X_{11} & X_{12} \\\\ "
      + "X_{21} & X_{22} \\end{bmatrix} \\star \\begin{bmatrix} \\frac{\\partial L}"
      + "{\\partial O_{11}} \\\\ \\frac{\\partial L}{\\partial O_{21}} \\end{bmatrix}\n$$\n\n"
      + "| element | value |\n|---|---|\n| $F_{11}$ | $a < b$ |\n\n"
      + SvgWriter.write(FigureSamples.all().get(1)) + "\n"
      + "It costs $5 and $6, which is no math.\n";

  private final HtmlPage page = new HtmlPage(new TemplateEngine(Path.of("templates")), "en");

  @Test
  void mathReachesThePageExactlyAsWritten() {
    String html = page.render(SAMPLE, "Sample");
    assertTrue(html.contains("<p><span class=\"math display\">\\frac{\\partial L}{\\partial F} ="
        + " \\begin{bmatrix} X_{11} &amp; X_{12} \\\\ X_{21} &amp; X_{22} \\end{bmatrix}"), html);
    assertTrue(html.contains("The gradient of <span class=\"math\">X_{11}</span> with"), html);
    assertTrue(html.contains("where <span class=\"math\">a_1 * b_2</span> keeps"), html);
    assertTrue(html.contains("<td><span class=\"math\">a &lt; b</span></td>"), html);
    assertFalse(html.contains("<em>"), html);
    assertFalse(html.contains("convderivmath"), html);
  }

  @Test
  void longDisplayBlocksOfLargeLayersAreShieldedWhole() {
    StringBuilder sum = new StringBuilder("$$\n\\begin{aligned}\nO_{1,1} &= X_{1,1} F_{1,1}");
    for (int k = 2; k < 4000; k++) {
      sum.append(" + X_{1,").append(k).append("} F_{1,").append(k).append('}');
      if (k % 8 == 0) {
        sum.append(" \\\\\n&\\quad");
      }
    }
    sum.append("\n\\end{aligned}\n$$\n");
    String html = page.render("Before.\n\n" + sum + "\nAfter.\n", "Long");
    assertTrue(html.contains("X_{1,3999} F_{1,3999}"), "the whole block reached the page");
    assertEquals(1, html.split("class=\"math display\"", -1).length - 1);
  }

  @Test
  void dollarAmountsStayText() {
    assertTrue(page.render(SAMPLE, "Sample").contains("It costs $5 and $6, which is no math."));
  }

  @Test
  void tablesAndInlineSvgPassThrough() {
    String html = page.render(SAMPLE, "Sample");
    assertTrue(html.contains("<table>"), html);
    assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"convderiv-figure\""),
        html);
    assertFalse(html.contains("&lt;svg"), html);
  }

  @Test
  void pageLinksKatexBesideItAndEscapesTheTitle() {
    String html = page.render(SAMPLE, "dL/dX <3x3>");
    assertTrue(html.contains("<title>dL/dX &lt;3x3&gt;</title>"), html);
    assertTrue(html.contains("<link rel=\"stylesheet\" href=\"katex/katex.min.css\">"), html);
    assertTrue(html.contains("<script defer src=\"katex/katex.min.js\"></script>"), html);
    assertFalse(html.contains("http://cdn") || html.contains("https://"), html);
  }

  @Test
  void writeCopiesKatexWithFontsAndLicense(@TempDir Path dir) throws Exception {
    page.write(SAMPLE, "Sample", dir.resolve("worksheet.html"));
    for (String name : new String[] {"katex.min.js", "katex.min.css", "LICENSE", "fonts/KaTeX_Main-Regular.woff2", "fonts/KaTeX_Math-Italic.woff2"}) {
      assertTrue(Files.size(dir.resolve("katex").resolve(name)) > 0, name);
    }
    assertArrayEquals(HtmlPage.class.getResourceAsStream("/katex/katex.min.js").readAllBytes(),
        Files.readAllBytes(dir.resolve("katex/katex.min.js")));
    assertEquals(page.render(SAMPLE, "Sample"),
        Files.readString(dir.resolve("worksheet.html")));
  }
}
