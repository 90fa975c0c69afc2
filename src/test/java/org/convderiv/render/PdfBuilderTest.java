package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfBuilderTest {
  private static final String DOCUMENT = "\\documentclass{article}\n"
      + PdfBuilder.REPRODUCIBLE_PREAMBLE + "\n\\begin{document}\n"
      + "Hello $\\frac{\\partial L}{\\partial X_{11}}$.\n\\end{document}\n";

  @TempDir
  Path dir;

  @Test
  void missingPdflatexSaysHowToInstallIt() {
    PdfBuilder builder = new PdfBuilder(Map.of("PATH", ""));
    assertFalse(builder.available());
    PdfException e = assertThrows(PdfException.class,
        () -> builder.build(DOCUMENT, dir.resolve("a.pdf")));
    assertEquals("pdflatex not found: install TeX Live (Debian: apt-get install"
        + " texlive-latex-base texlive-latex-recommended texlive-pictures) or use --format tex",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("a.pdf")));
  }

  @Test
  void sameTexGivesByteIdenticalPdfs() throws Exception {
    ExternalTools.require("pdflatex");
    PdfBuilder builder = new PdfBuilder();
    builder.build(DOCUMENT, dir.resolve("one.pdf"));
    builder.build(DOCUMENT, dir.resolve("sub/two.pdf"));
    byte[] one = Files.readAllBytes(dir.resolve("one.pdf"));
    assertTrue(new String(one, 0, 5).equals("%PDF-"));
    assertArrayEquals(one, Files.readAllBytes(dir.resolve("sub/two.pdf")));
  }

  @Test
  void latexErrorIsReportedOnOneLineWithItsLine() {
    ExternalTools.require("pdflatex");
    String broken = "\\documentclass{article}\n\\begin{document}\n\\nosuchmacro\n"
        + "\\end{document}\n";
    PdfException e = assertThrows(PdfException.class,
        () -> new PdfBuilder().build(broken, dir.resolve("b.pdf")));
    assertEquals("pdflatex failed (exit 1): Undefined control sequence. (l.3)", e.getMessage());
  }

  @Test
  void pdflatexGetsAFixedSourceDateWhateverTheCallerSets() throws Exception {
    ExternalTools.require("pdflatex");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("SOURCE_DATE_EPOCH", "1700000000");
    new PdfBuilder(env).build(DOCUMENT, dir.resolve("c.pdf"));
    String pdf = new String(Files.readAllBytes(dir.resolve("c.pdf")),
        java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(pdf.contains("/CreationDate (D:19700101000000Z)"), "creation date not fixed");
  }
}
