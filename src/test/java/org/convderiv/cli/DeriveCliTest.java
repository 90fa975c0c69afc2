package org.convderiv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.convderiv.testing.SharedCases;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The derive command as a user runs it: case files in, report.json out, bad input refused. */
class DeriveCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  static Run derive(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("derive"));
    all.addAll(List.of(args));
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
        all.toArray(new String[0]));
    return new Run(exit, out.toString(), err.toString());
  }

  @Nested
  class CaseFiles {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"article-3x3-2x2.json", "rect-4x5-2x3.json",
        "stride3-pad2-16x16-7x7.json", "groups2-4to2-4x4-3x3.json",
        "channels-2to3-4x4-2x2-bias.json", "1d-pad1-stride2-dil2-batch2.json"})
    void reportValuesEqualTheExpectedOnesExactly(String name, @TempDir Path out)
        throws IOException {
      Path file = SharedCases.file(name);
      Run run = derive("--case", file.toString(), "--out", out.toString());
      assertEquals(ExitCodes.OK, run.exit(), run.err());
      JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
      JsonNode expected = JSON.readTree(file.toFile()).get("expected");
      assertEquals(expected, report.get("values"));
      assertTrue(report.get("check").get("passed").asBoolean());
    }

    @Test
    void theArticleCaseReportsTheClassicExpressions(@TempDir Path out) throws IOException {
      derive("--case", SharedCases.file("article-3x3-2x2.json").toString(), "--out",
          out.toString());
      JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
      assertEquals("dL/dX22 = dL/dO11*F22 + dL/dO12*F21 + dL/dO21*F12 + dL/dO22*F11",
          report.get("gradients").get("dL_dX").get(4).asText());
      assertEquals("dL/dF12 = dL/dO11*X12 + dL/dO12*X13 + dL/dO21*X22 + dL/dO22*X23",
          report.get("gradients").get("dL_dF").get(1).asText());
      assertEquals("dL/dX = full_conv(rot180(F), dL/dO)",
          report.get("recognized").get(1).get("form").asText());
    }

    @Test
    void sameWithAnEvenKernelSaysWhereTheExtraRowGoes(@TempDir Path out) throws IOException {
      Run run = derive("--case", SharedCases.file("same-even-5x5-2x2.json").toString(),
          "--out", out.toString());
      assertEquals(ExitCodes.OK, run.exit(), run.err());
      String md = Files.readString(out.resolve("worksheet.md"));
      assertTrue(md.contains("the extra one goes after the input (at the bottom), so 0 before"
          + " and 1 after"), md);
      assertTrue(md.contains("(at the right), so 0 before and 1 after"), md);
    }

    @Test
    void optionsThatDisagreeWithTheCaseFileAreRefused(@TempDir Path out) {
      Run run = derive("--case", SharedCases.file("article-3x3-2x2.json").toString(),
          "--input", "4x4", "--out", out.resolve("o").toString());
      assertEquals(ExitCodes.BAD_INPUT, run.exit());
      assertTrue(run.err().startsWith("convderiv: options (input 4x4"), run.err());
      assertFalse(Files.exists(out.resolve("o")));
    }

    @Test
    void aCaseFileWhoseShapesDisagreeIsRefused(@TempDir Path dir) throws IOException {
      String text = Files.readString(SharedCases.file("article-3x3-2x2.json"))
          .replace("\"F\": [[[[0, 1], [2, -1]]]]", "\"F\": [[[[0, 1, 5], [2, -1, 5]]]]");
      Path bad = dir.resolve("bad.json");
      Files.writeString(bad, text);
      Run run = derive("--case", bad.toString(), "--out", dir.resolve("o").toString());
      assertEquals(ExitCodes.BAD_INPUT, run.exit());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().contains("F (shape 1x1x2x3)"), run.err());
      assertFalse(Files.exists(dir.resolve("o")));
    }
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(List.of("--input", "3y3"), "input (3y3) must be 1 to 3 whole numbers"),
        Arguments.of(List.of("--input", "0x3"), "input (0x3) must be at least 1"),
        Arguments.of(List.of("--input", "-2x3"), "input (-2x3) must be at least 1"),
        Arguments.of(List.of("--kernel", "4x4"), "kernel 4x4 with dilation 1x1 spans 4"),
        Arguments.of(List.of("--input", "1500x1500", "--kernel", "3x3"),
            "past the term budget of 2000000"),
        Arguments.of(List.of("--stride", "0"), "stride (0x0) must be at least 1"),
        Arguments.of(List.of("--channels-in", "3", "--groups", "2"),
            "groups (2) must divide channels-in (3)"),
        Arguments.of(List.of("--padding", "sideways"), "padding (sideways) must be valid"),
        Arguments.of(List.of("--kernel", "2x2x2"), "kernel (2x2x2) must have 2 axes"),
        Arguments.of(List.of("--format", "docx"), "format (docx) must be one of"),
        Arguments.of(List.of("--engine", "tensorflow"), "engine (tensorflow) must be"),
        Arguments.of(List.of("--input", "99999999999"), "input (99999999999) must be at most"),
        Arguments.of(List.of("--stride", "2147483647"), "stride (2147483647) must be at most"),
        Arguments.of(List.of("--padding", "same", "--stride", "2"), "padding (same) needs"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputGetsOneLineExitTwoAndNothingWritten(List<String> args, String message,
      @TempDir Path dir) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--out", dir.resolve("o").toString()));
    Run run = derive(all.toArray(new String[0]));
    assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("convderiv: "), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(Files.exists(dir.resolve("o")), "nothing written");
  }

  @Test
  void sameInputAndSeedGiveByteIdenticalReports(@TempDir Path dir) throws IOException {
    derive("--input", "4x5", "--kernel", "2x3", "--seed", "7", "--out", dir.resolve("a").toString());
    derive("--input", "4x5", "--kernel", "2x3", "--seed", "7", "--out", dir.resolve("b").toString());
    assertEquals(Files.readString(dir.resolve("a/report.json")),
        Files.readString(dir.resolve("b/report.json")));
  }
}
