package org.convderiv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.convderiv.render.ExternalTools;
import org.convderiv.render.PdfBuilder;
import org.convderiv.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real {@code convderiv derive} runs with every format: the files exist, the figures are linked
 * and drawn, the PDF's first page has ink on it, the HTML page typesets all its math in headless
 * Chromium and shows its SVG figures. PNGs are kept under {@code target/derive} to be looked at.
 * Tests that need pdflatex, pdftoppm or Chromium skip without them, except on CI.
 */
class DeriveDocumentsTest {
  private static final Path OUT = Path.of("target", "derive");
  private static final Pattern KATEX = Pattern.compile("class=\"katex\"");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\((figures/[^)]+)\\)");
  /** The window fill of the figures: orange!35 in TikZ, #ffd2a6 in SVG. */
  private static final int WINDOW = 0xffd2a6;

  private static final Map<String, List<String>> CASES = Map.of(
      "classic", List.of(),
      "strided", List.of("--input", "5x5", "--kernel", "3x3", "--stride", "2", "--padding", "1",
          "--dilation", "2"));

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"classic", "strided"})
  void everyFormatIsWrittenWithItsFiguresAndPageOneOfThePdfHasInk(String name) throws Exception {
    ExternalTools.require("pdflatex");
    Path pdftoppm = ExternalTools.require("pdftoppm");
    Path out = derive(name, "tex,md,html,pdf");

    List<String> figures = new ArrayList<>(List.of("flips", "full", "window"));
    if (name.equals("strided")) {
      figures.addAll(List.of("dilated-filter", "dilated-gradient"));
    }
    for (String f : figures) {
      assertTrue(Files.isRegularFile(out.resolve("figures/" + f + ".svg")), f);
    }
    try (Stream<Path> svgs = Files.list(out.resolve("figures"))) {
      assertEquals(figures.size(), svgs.count());
    }
    for (String f : List.of("worksheet.tex", "worksheet.md", "worksheet.html", "worksheet.pdf",
        "report.json", "katex/katex.min.js", "katex/katex.min.css")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }

    String tex = Files.readString(out.resolve("worksheet.tex"));
    assertTrue(tex.contains(PdfBuilder.REPRODUCIBLE_PREAMBLE), "reproducible preamble");
    assertEquals(figures.size(), HeadlessChromium.count(Pattern.compile("\\\\begin\\{tikzpicture\\}"), tex));
    String md = Files.readString(out.resolve("worksheet.md"));
    Matcher m = IMAGE.matcher(md);
    List<String> linked = new ArrayList<>();
    while (m.find()) {
      linked.add(m.group(1));
      assertTrue(Files.isRegularFile(out.resolve(m.group(1))), m.group(1));
    }
    assertEquals(figures.size(), linked.size(), linked.toString());
    assertFalse(md.contains("<svg"), "Markdown links its figures instead of inlining them");

    Files.createDirectories(OUT);
    Path png = pageOne(pdftoppm, out.resolve("worksheet.pdf"), OUT.resolve(name + "-page1"));
    BufferedImage page = ImageIO.read(png.toFile());
    assertTrue(page.getWidth() > 500, page.getWidth() + " px wide");
    double spread = luminanceDeviation(page);
    assertTrue(spread > 20, "page 1 looks blank: luminance deviation " + spread);
    if (name.equals("classic")) {
      // The windows figure ends the setup on page 1 of the classic worksheet.
      assertTrue(pixels(page, WINDOW) > 500, pixels(page, WINDOW) + " window-coloured pixels");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"classic", "strided"})
  void htmlPageTypesetsAllMathShowsItsFiguresAndLogsNoErrors(String name) throws Exception {
    Path chromium = ExternalTools.require("/usr/bin/chromium");
    Path out = derive(name, "html");
    assertFalse(Files.exists(out.resolve("worksheet.md")), "only the page was asked for");
    Path html = out.resolve("worksheet.html");

    HeadlessChromium.Run dom = HeadlessChromium.run(chromium, html, dir, "--dump-dom");
    String body = dom.stdout().substring(dom.stdout().indexOf("<body"));
    assertTrue(HeadlessChromium.count(KATEX, body) > 50, HeadlessChromium.count(KATEX, body) + " typeset formulas");
    assertFalse(body.contains("$$"), "unrendered display math");
    assertFalse(body.contains("katex-error"), "a formula KaTeX could not parse");
    assertTrue(body.contains("<img src=\"figures/window.svg\""), "the windows figure");
    assertEquals(List.of(), HeadlessChromium.consoleProblems(dom.stderr()));

    Files.createDirectories(OUT);
    Path shot = OUT.resolve(name + "-html.png").toAbsolutePath();
    Files.deleteIfExists(shot);
    HeadlessChromium.Run run = HeadlessChromium.run(chromium, html, dir, "--screenshot=" + shot, "--window-size=1000,2600");
    assertEquals(List.of(), HeadlessChromium.consoleProblems(run.stderr()));
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(1000, image.getWidth());
    // The SVG files loaded: the window fill shows on the page.
    assertTrue(pixels(image, WINDOW) > 500, pixels(image, WINDOW) + " window-coloured pixels");
  }

  @Test
  void sameInputAndSeedGiveByteIdenticalFolders() throws Exception {
    String formats = new PdfBuilder().available() ? "tex,md,html,pdf" : "tex,md,html";
    Map<String, byte[]> first = contents(derive("strided", formats, "a"));
    Map<String, byte[]> second = contents(derive("strided", formats, "b"));
    assertEquals(first.keySet(), second.keySet());
    for (String file : first.keySet()) {
      assertTrue(Arrays.equals(first.get(file), second.get(file)), file + " differs");
    }
  }

  @Test
  void missingPdflatexIsOneLineExitTwoAndWritesNothing() throws Exception {
    Path out = dir.resolve("nopdf");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "derive", "--out",
        out.toString(), "--format", "tex,pdf");
    pb.environment().put("PATH", dir.resolve("empty").toString());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(ExitCodes.BAD_INPUT, p.exitValue(), stderr);
    assertEquals("convderiv: pdflatex not found: install TeX Live (Debian: apt-get install"
        + " texlive-latex-base texlive-latex-recommended texlive-pictures) or use --format tex\n",
        stderr);
    assertEquals("", stdout);
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void markdownAloneWritesTheWorksheetAndItsFiguresButNoPageOrKatex() throws Exception {
    Path out = derive("classic", "md");
    assertTrue(Files.isRegularFile(out.resolve("worksheet.md")));
    assertTrue(Files.isRegularFile(out.resolve("figures/window.svg")));
    assertFalse(Files.exists(out.resolve("worksheet.tex")));
    assertFalse(Files.exists(out.resolve("worksheet.html")));
    assertFalse(Files.exists(out.resolve("katex")));
  }

  private Path derive(String name, String formats) {
    return derive(name, formats, name);
  }

  private Path derive(String name, String formats, String folder) {
    Path out = dir.resolve(folder);
    List<String> args = new ArrayList<>(List.of("derive", "--out", out.toString(), "--format",
        formats, "--seed", "3"));
    args.addAll(CASES.get(name));
    assertEquals(ExitCodes.OK, Main.run(args.toArray(String[]::new)));
    return out;
  }

  private static Map<String, byte[]> contents(Path root) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static Path pageOne(Path pdftoppm, Path pdf, Path prefix) throws Exception {
    Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "80", "-f", "1", "-l", "1",
        "-singlefile", pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), log);
    return prefix.resolveSibling(prefix.getFileName() + ".png");
  }

  /** Standard deviation of the grey level over the page: 0 for a blank one. */
  private static double luminanceDeviation(BufferedImage image) {
    double sum = 0;
    double squares = 0;
    long n = (long) image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        double grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3.0;
        sum += grey;
        squares += grey * grey;
      }
    }
    double mean = sum / n;
    return Math.sqrt(squares / n - mean * mean);
  }

  private static int pixels(BufferedImage image, int colour) {
    int found = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        boolean near = true;
        for (int shift = 0; shift < 24; shift += 8) {
          near &= Math.abs((rgb >> shift & 0xff) - (colour >> shift & 0xff)) <= 12;
        }
        found += near ? 1 : 0;
      }
    }
    return found;
  }
}
