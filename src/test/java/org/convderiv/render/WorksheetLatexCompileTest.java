package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every worksheet compiles with Debian's pdflatex without errors and without text running off
 * the page. Skipped where pdflatex is missing, except on CI ({@code CI=true}), where a missing
 * pdflatex fails the build.
 */
class WorksheetLatexCompileTest {
  private static final int ALLOWED_OVERFULL_BOXES = 2;

  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("classic 3x3 / 2x2", LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2))),
        Arguments.of("rectangular 4x5 / 2x3", LayerSpec.classic(Dims.of(4, 5), Dims.of(2, 3))),
        Arguments.of("sizes from 10 on, 11x10 / 3x3",
            LayerSpec.classic(Dims.of(11, 10), Dims.of(3, 3))),
        Arguments.of("stride 2, padding 1, bias, 2 to 2 channels, 5x5 / 3x3",
            LayerSpec.builder(Dims.of(5, 5), Dims.of(3, 3)).stride(Dims.of(2, 2))
                .padding(Padding.explicit(Dims.of(1, 1), Dims.of(1, 1))).bias(true)
                .channelsIn(2).channelsOut(2).build()),
        Arguments.of("true convolution, dilation 2, 1-D 9 / 3",
            LayerSpec.builder(Dims.of(9), Dims.of(3)).dilation(Dims.of(2))
                .convention(Convention.CONVOLUTION).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void worksheetCompilesWithPdflatexWithoutErrors(String label, LayerSpec spec,
      @TempDir Path dir) throws Exception {
    String pdflatex = findPdflatex();
    String tex = Worksheets.render(Worksheets.derive(spec), label + " & 100% {raw} $input_")
        .get(WorksheetWriter.TEX);
    Files.writeString(dir.resolve("worksheet.tex"), tex, StandardCharsets.UTF_8);

    Process p = new ProcessBuilder(pdflatex, "-interaction=nonstopmode", "-halt-on-error",
        "-no-shell-escape", "worksheet.tex")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("console.txt").toFile())
        .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "pdflatex did not finish");
    String log = Files.readString(dir.resolve("worksheet.log"), StandardCharsets.ISO_8859_1);
    assertEquals(0, p.exitValue(), () -> "pdflatex failed on " + label + ":\n" + errors(log));
    assertTrue(Files.size(dir.resolve("worksheet.pdf")) > 0);
    assertEquals(0, count(log, "Undefined control sequence"), () -> errors(log));
    int overfull = count(log, "Overfull \\hbox");
    assertTrue(overfull <= ALLOWED_OVERFULL_BOXES,
        () -> overfull + " overfull boxes on " + label + ":\n" + overfullLines(log));
  }

  private static String findPdflatex() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "pdflatex");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("pdflatex is not on the PATH, and CI=true requires the LaTeX compile test to run"
          + " (install texlive-latex-base, texlive-latex-recommended, texlive-pictures)");
    }
    assumeTrue(false, "pdflatex is not installed; LaTeX compile test skipped");
    return null;
  }

  private static int count(String log, String what) {
    return (int) Pattern.compile(Pattern.quote(what)).matcher(log).results().count();
  }

  private static String errors(String log) {
    StringBuilder sb = new StringBuilder();
    for (String line : log.split("\n")) {
      if (line.startsWith("!") || line.startsWith("l.")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static String overfullLines(String log) {
    StringBuilder sb = new StringBuilder();
    Matcher m = Pattern.compile("Overfull \\\\hbox.*\\n.*").matcher(log);
    List<String> found = m.results().map(r -> r.group()).limit(5).toList();
    found.forEach(s -> sb.append(s).append('\n'));
    return sb.toString();
  }
}
