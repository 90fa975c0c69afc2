package org.convderiv.check;

import static org.convderiv.check.CheckerTest.CLASSIC;
import static org.convderiv.check.CheckerTest.checkFile;
import static org.convderiv.check.CheckerTest.plain;
import static org.convderiv.check.CheckerTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims read from a complete LaTeX document: only the math of its body counts. */
class CheckDocumentTest {

  static CheckReport document(String content) {
    return new Checker(CLASSIC, Truth.derived(CLASSIC))
        .check(Sources.read("notes.tex", content));
  }

  @Test
  void aDocumentWithProseASectionAndLabelledRowsHoldsClaimByClaim() {
    CheckReport r = checkFile("document.tex");
    assertEquals(List.of(), r.problems());
    assertEquals(List.of(11, 15, 19, 22), r.claims().stream().map(ClaimResult::line).toList());
    assertEquals(4, r.correct());
    assertEquals(CheckReport.Outcome.ALL_HOLD, r.outcome());
  }

  @Test
  void aWrongRowInTheDocumentNamesItsMissingTerm() {
    String wrong = resource("document.tex").replace(
        "+ \\frac{\\partial L}{\\partial O_{21}} F_{12}\n", "\n");
    CheckReport r = document(wrong);
    assertEquals(List.of(), r.problems());
    assertEquals(3, r.correct());
    List<ClaimResult> wrongClaims =
        r.claims().stream().filter(c -> !c.wrong().isEmpty()).toList();
    assertEquals(List.of(15), wrongClaims.stream().map(ClaimResult::line).toList());
    assertEquals(1, wrongClaims.get(0).wrong().size());
    ElementResult e = wrongClaims.get(0).wrong().get(0);
    assertEquals("dL/dO21*F12", plain(r, e.missing()));
    assertEquals("0", plain(r, e.extra()));
    assertEquals(CheckReport.Outcome.WRONG, r.outcome());
  }

  @Test
  void inlineMathWithoutAnEqualsSignAndThePreambleAreNotClaims() {
    List<FormulaLine> lines = Sources.read("notes.tex", String.join("\n",
        "\\documentclass{article}",
        "\\newcommand{\\g}{x = y}",
        "\\begin{document}",
        "A $3 \\times 3$ input, 100\\% prose: $O_{12} = X_{12} F_{11}$.",
        "\\end{document}",
        "dL/dX11 = after the end"));
    assertEquals(List.of("O_{12} = X_{12} F_{11}"), lines.stream().map(FormulaLine::text).toList());
  }

  @Test
  void aProblemInsideTheDocumentIsReportedAtItsOriginalLineAndColumn() {
    CheckReport r = document(String.join("\n",
        "\\documentclass{article}",
        "\\begin{document}",
        "\\section{One}",
        "\\begin{equation}",
        "  dL/dX11 = dL/dO11 W11 \\label{eq:x11}",
        "\\end{equation}",
        "\\end{document}"));
    assertEquals(CheckReport.Outcome.BAD_INPUT, r.outcome());
    assertEquals(1, r.problems().size());
    assertEquals(5, r.problems().get(0).line());
    assertEquals(21, r.problems().get(0).column());
  }

  @Test
  void aFileWithoutADocumentIsStillReadLineByLine() {
    List<FormulaLine> lines = Sources.read("claims.tex", "dL/dX11 = dL/dO11 F11\n"
        + "% \\begin{document}\nO11 = X11 F11\n");
    assertEquals(List.of("dL/dX11 = dL/dO11 F11", "O11 = X11 F11"),
        lines.stream().map(FormulaLine::text).toList());
  }
}
