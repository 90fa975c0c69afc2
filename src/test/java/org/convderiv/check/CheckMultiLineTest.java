package org.convderiv.check;

import static org.convderiv.check.CheckerTest.CLASSIC;
import static org.convderiv.check.CheckerTest.checkFile;
import static org.convderiv.check.CheckerTest.onlyWrongElement;
import static org.convderiv.check.CheckerTest.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Claims written over several rows and lines of LaTeX's align-like environments. */
class CheckMultiLineTest {

  static final String FRAC_X22 = "\\frac{\\partial L}{\\partial X_{22}}";

  static String g(String index) {
    return "\\frac{\\partial L}{\\partial O_{" + index + "}}";
  }

  static CheckReport tex(String... lines) {
    return new Checker(CLASSIC, Truth.derived(CLASSIC))
        .check(Sources.plain(String.join("\n", lines)));
  }

  @Test
  void anAlignWithAContinuationRowHoldsAsOneClaimPerTarget() {
    CheckReport r = checkFile("align.tex");
    assertEquals(List.of(), r.problems());
    assertEquals(List.of(3, 5), r.claims().stream().map(ClaimResult::line).toList());
    assertEquals(2, r.correct());
    assertEquals(CheckReport.Outcome.ALL_HOLD, r.outcome());
  }

  @Test
  void aTermMissingOnTheContinuationRowIsExactlyThatTerm() {
    CheckReport r = tex("\\begin{align*}",
        FRAC_X22 + " &= " + g("11") + " F_{22} + " + g("12") + " F_{21} \\\\",
        "&\\quad + " + g("21") + " F_{12}",
        "\\end{align*}");
    ElementResult e = onlyWrongElement(r);
    assertEquals("dL/dO22*F11", plain(r, e.missing()));
    assertEquals("0", plain(r, e.extra()));
    assertEquals(CheckReport.Outcome.WRONG, r.outcome());
  }

  @Test
  void anAlignedBlockInMarkdownIsReadWithItsRewriteAndItsUnmarkedContinuation() {
    CheckReport r = checkFile("aligned.md");
    assertEquals(List.of(), r.problems());
    assertEquals(List.of(5, 8, 16), r.claims().stream().map(ClaimResult::line).toList());
    assertEquals(3, r.correct());
  }

  @Test
  void anErrorOnAContinuationRowReportsItsOriginalLineAndColumn() {
    CheckReport r = tex("% layer: input 3x3, kernel 2x2",
        "\\begin{align}",
        "  dL/dX12 &= dL/dO11 F12 \\\\",
        "    &\\quad + dL/dO12 W11",
        "\\end{align}");
    assertEquals(0, r.claims().size());
    Problem p = r.problems().get(0);
    assertEquals(4, p.line());
    assertEquals(22, p.column());
    assertEquals("unknown symbol 'W': a claim may use X, F, O, b, dL/dO and the functions"
        + " full_conv, transpose, dilate, rot180, conv, flip, crop, pad, sum", p.message());
  }

  @Test
  void aRowBrokenOverLinesWithoutALineBreakIsOneRow() {
    CheckReport r = tex("\\begin{equation}",
        "  dL/dX12 = dL/dO11 F12   % the first window",
        "    + dL/dO12",
        "      F11.",
        "\\end{equation}");
    assertEquals(List.of(), r.problems());
    assertEquals("dL/dX12 = dL/dO11 F12 + dL/dO12 F11", r.claims().get(0).text());
    assertEquals(1, r.correct());
  }

  @Test
  void aRewriteRowIsASecondClaimAboutTheSameTargetCheckedOnItsOwn() {
    CheckReport r = tex("$$\\begin{aligned}",
        "dL/dX12 &= dL/dO11 F12 + dL/dO12 F11 \\\\[2pt]",
        "&= dL/dO11 F11 + dL/dO12 F12",
        "\\end{aligned}$$");
    assertEquals(List.of(2, 3), r.claims().stream().map(ClaimResult::line).toList());
    assertEquals(List.of(true, false),
        r.claims().stream().map(ClaimResult::holds).toList());
    assertEquals("dL/dX12 = dL/dO11 F11 + dL/dO12 F12", r.claims().get(1).text());
  }

  @Test
  void anErrorInTheJoinedLineOfARowPointsAtThatLine() {
    CheckReport r = tex("\\begin{align*}",
        "dL/dX12 &= dL/dO11 F12",
        "  + dL/dO12 * + F11",
        "\\end{align*}");
    Problem p = r.problems().get(0);
    assertEquals(3, p.line());
    assertEquals(15, p.column());
    assertEquals("found '+': expected a symbol, a number or '('", p.message());
  }

  @Test
  void outsideAnEnvironmentEachLineOfAPlainFileStaysItsOwnClaim() {
    CheckReport r = tex("dL/dX12 = dL/dO11 F12", "+ dL/dO12 F11");
    assertEquals(1, r.claims().size());
    assertEquals(1, r.problems().size());
    assertEquals(2, r.problems().get(0).line());
  }
}
