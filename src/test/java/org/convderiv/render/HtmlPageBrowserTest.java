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
import org.convderiv.testing.HeadlessChromium;
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

    HeadlessChromium.Run dom = HeadlessChromium.run(chromium, html, dir, "--dump-dom");
    String body = dom.stdout().substring(dom.stdout().indexOf("<body"));
    // Formulas in the sample: X_11, a_1 * b_2, the display, F_11, a < b.
    assertEquals(5, HeadlessChromium.count(KATEX, body), body);
    assertEquals(1, HeadlessChromium.count(Pattern.compile("class=\"katex-display\""), body), body);
    assertFalse(body.contains("$$"), body);
    assertFalse(body.contains("katex-error"), body);
    assertTrue(body.contains("<svg"), body);
    assertEquals(List.of(), HeadlessChromium.consoleProblems(dom.stderr()));

    Files.createDirectories(OUT);
    Path png = OUT.resolve("worksheet.png").toAbsolutePath();
    Files.deleteIfExists(png);
    HeadlessChromium.Run shot = HeadlessChromium.run(chromium, html, dir, "--screenshot=" + png, "--window-size=900,1100");
    assertEquals(List.of(), HeadlessChromium.consoleProblems(shot.stderr()));
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

    HeadlessChromium.Run dom = HeadlessChromium.run(chromium, html, dir, "--dump-dom");
    assertEquals(0, HeadlessChromium.count(KATEX, dom.stdout()));
    List<String> problems = HeadlessChromium.consoleProblems(dom.stderr());
    assertTrue(problems.stream().anyMatch(l -> l.contains("katex is not defined")),
        String.join("\n", problems));
  }
}
