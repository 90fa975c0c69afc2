package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The 3x3 / 2x2 worksheet states exactly the results of section 1 of the reference: the four
 * filter-gradient and nine input-gradient sums, written out here by hand from
 * dL/dF_uv = sum_ij dL/dO_ij X_(i+u-1)(j+v-1) and dL/dX_ab = sum dL/dO_ij F_(a-i+1)(b-j+1).
 */
class ClassicWorksheetTest {
  private static String tex;
  private static String markdown;

  @BeforeAll
  static void render() {
    Map<String, String> docs = Worksheets.render(Worksheets.article(), null);
    tex = docs.get(WorksheetWriter.TEX);
    markdown = docs.get(WorksheetWriter.MARKDOWN);
  }

  /** dL/dO_ij in the article's notation. */
  private static String g(String ij) {
    return "\\frac{\\partial L}{\\partial O_{" + ij + "}}";
  }

  /** "11 X12, 12 X13" to the substituted chain-rule line. */
  private static String sum(String terms) {
    StringBuilder sb = new StringBuilder();
    for (String t : terms.split(", ")) {
      String[] p = t.split(" ");
      String factor = p[1].charAt(0) + "_{" + p[1].substring(1) + "}";
      sb.append(sb.length() == 0 ? "" : " + ").append(g(p[0])).append(' ').append(factor);
    }
    return sb.toString();
  }

  private static String lossBy(String element) {
    return "\\frac{\\partial L}{\\partial " + element.charAt(0) + "_{" + element.substring(1)
        + "}}";
  }

  @ParameterizedTest(name = "dL/d{0} = {1}")
  @CsvSource(delimiter = ';', value = {
      "F11; 11 X11, 12 X12, 21 X21, 22 X22",
      "F12; 11 X12, 12 X13, 21 X22, 22 X23",
      "F21; 11 X21, 12 X22, 21 X31, 22 X32",
      "F22; 11 X22, 12 X23, 21 X32, 22 X33",
      "X11; 11 F11",
      "X12; 11 F12, 12 F11",
      "X13; 12 F12",
      "X21; 11 F21, 21 F11",
      "X22; 11 F22, 12 F21, 21 F12, 22 F11",
      "X23; 12 F22, 22 F12",
      "X31; 21 F21",
      "X32; 21 F22, 22 F21",
      "X33; 22 F22"})
  void everyGradientElementOfTheReferenceIsStatedInBothFormats(String element, String terms) {
    String lhs = lossBy(element);
    String expected = sum(terms);
    // The substituted line follows the expanded one inside the element's own display.
    Pattern tex = Pattern.compile(Pattern.quote(lhs) + " &= [^\\n]*\\n\\\\\\\\ &= "
        + Pattern.quote(expected) + "\\n\\\\end\\{align\\*\\}");
    assertTrue(tex.matcher(ClassicWorksheetTest.tex).find(),
        () -> "worksheet.tex lacks " + lhs + " = " + expected);
    Pattern md = Pattern.compile(Pattern.quote(lhs) + " &= [^\\n]*\\n\\\\\\\\ &= "
        + Pattern.quote(expected) + "\\n\\\\end\\{aligned\\}");
    assertTrue(md.matcher(markdown).find(),
        () -> "worksheet.md lacks " + lhs + " = " + expected);
  }

  @Test
  void eachGradientElementIsDerivedExactlyOnce() {
    for (String e : new String[] {"F11", "F22", "X11", "X22", "X33"}) {
      String line = lossBy(e) + " &= ";
      assertEquals(1, tex.split(Pattern.quote(line), -1).length - 1, e);
    }
  }

  @Test
  void theExpandedChainRuleNamesEveryLocalGradient() {
    assertTrue(tex.contains(lossBy("X13") + " &= " + g("12") + " \\cdot "
        + "\\frac{\\partial O_{12}}{\\partial X_{13}}\n"), tex);
  }

  @Test
  void theForwardPassAndTheLocalGradientsMatchTheArticle() {
    assertTrue(tex.contains("O_{11} &= X_{11} F_{11} + X_{12} F_{12} + X_{21} F_{21}"
        + " + X_{22} F_{22}\n"));
    assertTrue(tex.contains("\\frac{\\partial O_{11}}{\\partial F_{12}} = X_{12}"));
    assertTrue(tex.contains("\\frac{\\partial O_{11}}{\\partial X_{22}} = F_{22}"));
  }

  @Test
  void theRotationIsAVerticalThenAHorizontalFlip() {
    String filter = "\\begin{bmatrix} F_{11} & F_{12} \\\\ F_{21} & F_{22} \\end{bmatrix}";
    String vertical = "\\begin{bmatrix} F_{21} & F_{22} \\\\ F_{11} & F_{12} \\end{bmatrix}";
    String rotated = "\\begin{bmatrix} F_{22} & F_{21} \\\\ F_{12} & F_{11} \\end{bmatrix}";
    int at = tex.indexOf(filter + "\n\\xrightarrow{\\text{vertical flip}} " + vertical
        + "\n\\xrightarrow{\\text{horizontal flip}} " + rotated);
    assertTrue(at > 0, "rotation shown as two flips");
  }

  @Test
  void theNumericCheckShowsTheArticleValuesAndPyTorchResults() {
    // cases/article-3x3-2x2.json: dL/dF = [[-3, 1], [6, -1]], dL/dX row 3 = [-4, 2, 0].
    assertTrue(tex.contains("$" + lossBy("F21") + "$ & $6$ & $6$ \\\\"));
    assertTrue(tex.contains("$" + lossBy("X31") + "$ & $-4$ & $-4$ \\\\"));
    assertTrue(markdown.contains("| $" + lossBy("F11") + "$ | -3 | -3 |"));
    assertTrue(tex.contains("integers & exact & 0 & "));
  }
}
