package org.convderiv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
  @TempDir Path dir;

  private record Run(int code, String err) {}

  private static Run run(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Run(Main.run(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
    }
  }

  @Test
  void theClassicExampleWritesAllFilesWithTheLectureNumbers() throws Exception {
    Path out = dir.resolve("classic");
    assertEquals(ExitCodes.OK, run("graph", "f = (x + y) * z", "--at", "x=-2,y=5,z=-4",
        "--out", out.toString()).code());
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode q = report.get("nodes").get(3);
    assertEquals("q", q.get("name").asText());
    assertEquals("x + y", q.get("expression").asText());
    assertEquals(3.0, q.get("value").asDouble());
    assertEquals(-4.0, q.get("gradient").asDouble());
    assertEquals(-12.0, report.get("nodes").get(4).get("value").asDouble());
    assertTrue(Files.readString(out.resolve("worksheet.md"))
        .contains("\\frac{\\partial f}{\\partial q} &= z = -4"));
    assertTrue(Files.readString(out.resolve("graph.svg")).startsWith("<svg"));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no staging folder is left behind");
    }
  }

  @Test
  void inconsistentClaimsExitWithOne() {
    Run r = run("graph", "f = (x + y) * z", "--claim", "x=-2,y=5,z=4,f=-12",
        "--out", dir.resolve("claims").toString());
    assertEquals(ExitCodes.CHECK_FAILED, r.code());
  }

  @Test
  void aParseErrorIsOneLineWithItsColumnAndWritesNothing() {
    Run r = run("graph", "f = sin(x)", "--at", "x=1", "--out", dir.resolve("bad").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("convderiv: column 5 of \"f = sin(x)\": unknown function"),
        r.err());
    assertFalse(Files.exists(dir.resolve("bad")));
  }

  @Test
  void theLatexWorksheetCompilesWithPdflatex() throws Exception {
    Path pdflatex = Path.of("/usr/bin/pdflatex");
    if (!Files.isExecutable(pdflatex)) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but /usr/bin/pdflatex is missing: the LaTeX output goes untested");
      }
      Assumptions.abort("pdflatex is not installed");
    }
    Path out = dir.resolve("tex");
    run("graph", "h = w1 * x1 + w2 * x2 + b; f = sigmoid(h) + relu(h)^2 / exp(x1)",
        "--at", "w1=2,x1=-1,w2=-3,x2=-2,b=-3", "--out", out.toString());
    Process p = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode",
        "-halt-on-error", "-no-shell-escape", "worksheet.tex")
        .directory(out.toFile()).redirectErrorStream(true)
        .redirectOutput(out.resolve("pdflatex.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex did not finish");
    assertEquals(0, p.exitValue(), () -> readQuietly(out.resolve("pdflatex.log")));
    assertTrue(Files.size(out.resolve("worksheet.pdf")) > 0);
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.getMessage();
    }
  }
}
