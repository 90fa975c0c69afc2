package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated page in headless Chromium from a file:// URL, with no network, and checks
 * that KaTeX typeset every formula without an error. Skipped when Chromium is missing, except on
 * CI.
 */
class HtmlPageBrowserTest {
  private static final Path OUT = Path.of("target", "html");
  private static final Pattern KATEX = Pattern.compile("class=\"katex\"");

  @TempDir
  Path dir;

  private final HtmlPage page = new HtmlPage(new TemplateEngine(Path.of("templates")), "en");

  @Test
  void pageTypesetsAllMathWithoutConsoleErrorsAndScreenshotShowsIt() throws Exception {
    Path chromium = ExternalTools.require("/usr/bin/chromium");
    Path html = dir.resolve("site/worksheet.html");
    page.write(HtmlPageTest.SAMPLE, "Sample", html);

    Run dom = chromium(chromium, html, "--dump-dom");
    String body = dom.stdout.substring(dom.stdout.indexOf("<body"));
    // Formulas in the sample: X_11, a_1 * b_2, the display, F_11, a < b.
    assertEquals(5, count(KATEX, body), body);
    assertEquals(1, count(Pattern.compile("class=\"katex-display\""), body), body);
    assertFalse(body.contains("$$"), body);
    assertFalse(body.contains("katex-error"), body);
    assertTrue(body.contains("<svg"), body);
    assertEquals(List.of(), consoleProblems(dom.stderr));

    Files.createDirectories(OUT);
    Path png = OUT.resolve("worksheet.png").toAbsolutePath();
    Files.deleteIfExists(png);
    Run shot = chromium(chromium, html, "--screenshot=" + png, "--window-size=900,1100");
    assertEquals(List.of(), consoleProblems(shot.stderr));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(900, image.getWidth());
    Files.copy(html, OUT.resolve("worksheet.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    HtmlPage.copyAssets(OUT.resolve(HtmlPage.ASSETS));
  }

  @Test
  void missingKatexShowsUpAsAConsoleError() throws Exception {
    Path chromium = ExternalTools.require("/usr/bin/chromium");
    Path html = dir.resolve("site/worksheet.html");
    page.write(HtmlPageTest.SAMPLE, "Sample", html);
    Files.delete(html.resolveSibling("katex/katex.min.js"));

    Run dom = chromium(chromium, html, "--dump-dom");
    assertEquals(0, count(KATEX, dom.stdout));
    List<String> problems = consoleProblems(dom.stderr);
    assertTrue(problems.stream().anyMatch(l -> l.contains("katex is not defined")),
        String.join("\n", problems));
  }

  /** Log lines that report a page script error or any console message. */
  private static List<String> consoleProblems(String stderr) {
    List<String> out = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.contains("CONSOLE") || line.contains("Uncaught")) {
        out.add(line);
      }
    }
    return out;
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private record Run(String stdout, String stderr) {}

  private Run chromium(Path chromium, Path html, String... action) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=5000"));
    cmd.addAll(List.of(action));
    cmd.add(html.toUri().toString());
    Path stdout = dir.resolve("chromium.out");
    Path stderr = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(
            new java.io.File("/dev/null"))).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), err);
    return new Run(Files.readString(stdout, StandardCharsets.UTF_8), err);
  }
}
