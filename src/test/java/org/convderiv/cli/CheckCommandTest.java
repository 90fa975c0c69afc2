package org.convderiv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convderiv.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  /** Runs the command with standard output captured; returns exit code and output. */
  static CommandRun.Result run(String stdin, String... args) {
    return CommandRun.withInput(stdin, args);
  }

  @Test
  void correctClaimsExitZero() {
    CommandRun.Result r = run("dL/dX22 = dL/dO11*F22 + dL/dO12*F21 + dL/dO21*F12 + dL/dO22*F11\n",
        "check", "-", "--input", "3x3", "--kernel", "2x2");
    assertEquals(ExitCodes.OK, r.exit());
    assertEquals("line 1: correct  dL/dX22 = dL/dO11*F22 + dL/dO12*F21 + dL/dO21*F12"
        + " + dL/dO22*F11\n1 of 1 claim holds.\n", r.out());
  }

  @Test
  void aWrongClaimExitsOneAndPrintsMissingTermAndCounterexample() throws Exception {
    Path claims = dir.resolve("claims.txt");
    Files.writeString(claims, "% layer: input 3x3, kernel 2x2\ndL/dX13 = dL/dO12*F11\n");
    CommandRun.Result r = run("", "check", claims.toString());
    assertEquals(ExitCodes.CHECK_FAILED, r.exit());
    assertEquals("line 2: WRONG    dL/dX13 = dL/dO12*F11\n"
        + "    dL/dX13: missing dL/dO12*F12; extra dL/dO12*F11\n"
        + "      with dL/dO12 = 1, F11 = 4, F12 = 3: the claim gives 4, the truth 3\n"
        + "0 of 1 claim holds.\n", r.out());
  }

  @Test
  void theHeaderGivesTheLayerAndOptionsOverrideIt() throws Exception {
    Path claims = dir.resolve("stride.txt");
    Files.writeString(claims, "# layer: input 5x5, kernel 3x3, stride 1\n"
        + "dL/dF11 = dL/dO11*X11 + dL/dO12*X13 + dL/dO21*X31 + dL/dO22*X33\n");
    assertEquals(ExitCodes.OK, run("", "check", claims.toString(), "--stride", "2").exit());
    assertEquals(ExitCodes.CHECK_FAILED, run("", "check", claims.toString()).exit());
  }

  @Test
  void aMalformedLineExitsTwoWithLineAndColumn() {
    CommandRun.Result r = run("dL/dX11 = dL/dO11*F11\ndL/dX12 = (dL/dO11 F12\n", "check", "-");
    assertEquals(ExitCodes.BAD_INPUT, r.exit());
    assertTrue(r.out().contains("line 2:23: found the end of the claim: expected ')' to close"
        + " the one opened at column 11"), r.out());
  }

  @Test
  void anAlignEnvironmentWithAContinuationRowExitsZero() throws Exception {
    Path claims = dir.resolve("align.tex");
    String x22 = "\\frac{\\partial L}{\\partial X_{22}}";
    Files.writeString(claims, "% layer: input 3x3, kernel 2x2\n\\begin{align*}\n"
        + x22 + " &= \\frac{\\partial L}{\\partial O_{11}} F_{22}"
        + " + \\frac{\\partial L}{\\partial O_{12}} F_{21} \\\\\n"
        + "&\\quad + \\frac{\\partial L}{\\partial O_{21}} F_{12}"
        + " + \\frac{\\partial L}{\\partial O_{22}} F_{11} \\\\\n"
        + "\\frac{\\partial L}{\\partial X_{13}} &= \\frac{\\partial L}{\\partial O_{12}} F_{12}\n"
        + "\\end{align*}\n");
    CommandRun.Result r = run("", "check", claims.toString());
    assertEquals(ExitCodes.OK, r.exit(), r.out());
    assertTrue(r.out().endsWith("2 of 2 claims hold.\n"), r.out());
  }

  @Test
  void aMissingFileIsBadInputInOneLine() {
    CommandRun.Result r = run("", "check", dir.resolve("absent.txt").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.exit());
    assertTrue(r.err().startsWith("convderiv: claims file ("), r.err());
  }

  @Test
  void theReportIsWrittenAsLatexWithFormulasAndEscapedText() throws Exception {
    Path report = dir.resolve("report.tex");
    CommandRun.Result r = run("dL/dX11 = dL/dO11*F12\ndL/dX12 = 100% wrong\n", "check", "-", "--report",
        report.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.exit());
    String tex = Files.readString(report);
    assertTrue(tex.contains("Missing: $\\frac{\\partial L}{\\partial O_{11}} F_{11}$."), tex);
    assertTrue(tex.contains("\\item Line 2, column 14: character '\\%' is not part of a claim"),
        tex);
    assertTrue(tex.endsWith("\\end{document}\n"), tex);
  }

  @Test
  void theReportIsWrittenAsMarkdown() throws Exception {
    Path report = dir.resolve("report.md");
    run("dL/dF = conv(X, dL/dO)\n", "check", "-", "--report", report.toString());
    String md = Files.readString(report);
    assertTrue(md.contains("**1 of 1 claim holds.**"), md);
    assertTrue(md.contains("All 4 elements agree with the derivation, term for term."), md);
  }

  /** The test resource of a complete document with prose, a section and an align*. */
  static String documentTex() throws Exception {
    return Files.readString(Path.of("src/test/resources/check/document.tex"));
  }

  @Test
  void aCompleteLatexDocumentWithProseExitsZeroCountingEveryClaim() throws Exception {
    Path doc = dir.resolve("notes.tex");
    Files.writeString(doc, documentTex());
    CommandRun.Result r = run("", "check", doc.toString());
    assertEquals(ExitCodes.OK, r.exit(), r.out());
    assertTrue(r.out().endsWith("4 of 4 claims hold.\n"), r.out());
  }

  @Test
  void aWrongClaimInACompleteDocumentExitsOneWithTheMissingTerm() throws Exception {
    Path doc = dir.resolve("notes.tex");
    Files.writeString(doc, documentTex().replace(
        "+ \\frac{\\partial L}{\\partial O_{21}} F_{12}\n", "\n"));
    CommandRun.Result r = run("", "check", doc.toString());
    assertEquals(ExitCodes.CHECK_FAILED, r.exit(), r.out());
    assertTrue(r.out().contains("dL/dX22: missing dL/dO21*F12\n"), r.out());
    assertTrue(r.out().endsWith("3 of 4 claims hold.\n"), r.out());
  }

  @Test
  void theGeneratedWorksheetIsReadWithoutCrashing() {
    Path worksheet = Path.of("output/worksheet.tex");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(worksheet));
    CommandRun.Result r = run("", "check", worksheet.toString(), "--input", "3x3", "--kernel",
        "2x2");
    // Its symbolic local derivatives are not claims check models; only a crash is wrong.
    assertTrue(r.exit() == ExitCodes.CHECK_FAILED || r.exit() == ExitCodes.BAD_INPUT
        || r.exit() == ExitCodes.OK, r.err());
    assertTrue(r.out().contains("correct  "), r.out());
    assertEquals("", r.err());
  }
}
