package org.convderiv.render.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.convderiv.render.ExternalTools;
import org.convderiv.render.PdfBuilder;
import org.junit.jupiter.api.Test;

/** The TikZ figures compile with pdflatex and draw something on the page. */
class FigureCompileTest {
  private static final Path OUT = Path.of("target", "figures");

  @Test
  void everyFigureKindCompilesAndPageOneRendersToPng() throws Exception {
    ExternalTools.require("pdflatex");
    Path pdftoppm = ExternalTools.require("pdftoppm");
    StringBuilder tex = new StringBuilder("\\documentclass{article}\n\\usepackage{tikz}\n")
        .append(PdfBuilder.REPRODUCIBLE_PREAMBLE).append("\n\\begin{document}\n");
    for (Figure fig : FigureSamples.all()) {
      tex.append("\\begin{center}\n").append(TikzWriter.write(fig)).append("\\end{center}\n");
    }
    tex.append("\\end{document}\n");
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("figures.tex"), tex);
    Path pdf = OUT.resolve("figures.pdf");
    new PdfBuilder().build(tex.toString(), pdf);
    assertTrue(Files.size(pdf) > 1000, "PDF is " + Files.size(pdf) + " bytes");

    Path prefix = OUT.resolve("figures-page");
    Process p = new ProcessBuilder(pdftoppm.toString(), "-png", "-r", "80", "-f", "1", "-l", "1",
        "-singlefile", pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
    BufferedImage png = ImageIO.read(prefix.resolveSibling("figures-page.png").toFile());
    // The window fill is orange!35 (255, 210, 166): some pixels must carry it.
    int orange = 0;
    int dark = 0;
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        int rgb = png.getRGB(x, y) & 0xffffff;
        if (near(rgb, 0xffd2a6)) {
          orange++;
        } else if ((rgb & 0xff) < 80 && (rgb >> 8 & 0xff) < 80) {
          dark++;
        }
      }
    }
    assertTrue(orange > 500, orange + " window-coloured pixels");
    assertTrue(dark > 2000, dark + " dark (line and label) pixels");
  }

  private static boolean near(int rgb, int target) {
    for (int shift = 0; shift < 24; shift += 8) {
      if (Math.abs((rgb >> shift & 0xff) - (target >> shift & 0xff)) > 12) {
        return false;
      }
    }
    return true;
  }
}
