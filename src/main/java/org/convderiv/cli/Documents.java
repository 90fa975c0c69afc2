package org.convderiv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.convderiv.derive.Derivation;
import org.convderiv.render.HtmlPage;
import org.convderiv.render.OutputFolder;
import org.convderiv.render.PdfBuilder;
import org.convderiv.render.TemplateEngine;
import org.convderiv.render.WorksheetFigures;
import org.convderiv.render.WorksheetModel;
import org.convderiv.render.WorksheetWriter;

/**
 * Renders the requested worksheet formats of a derivation into an output folder. Nothing is
 * written here: every file goes into the {@link OutputFolder}, which writes all of them or none.
 *
 * <ul>
 *   <li>{@code tex}: {@code worksheet.tex}, figures as TikZ inside it;
 *   <li>{@code md}: {@code worksheet.md}, figures as {@code figures/*.svg} beside it;
 *   <li>{@code html}: {@code worksheet.html} from the Markdown, with the SVG files and the
 *       KaTeX files in {@code katex/}, so that the page opens offline;
 *   <li>{@code pdf}: {@code worksheet.pdf}, pdflatex run on the LaTeX worksheet.
 * </ul>
 */
final class Documents {
  static final String HTML = "worksheet.html";
  static final String PDF = "worksheet.pdf";
  private static final String LANGUAGE = "en";

  private Documents() {}

  /** The templates a derive run renders, to parse while the derivation runs. */
  static final String[] TEMPLATES = {"en/derive/worksheet.tex.ftl",
      "en/derive/worksheet.md.ftl", "en/derive/summary.txt.ftl"};

  static void add(OutputFolder folder, Derivation d, Set<String> formats,
      TemplateEngine templates) {
    WorksheetFigures figures = WorksheetFigures.of(d);
    WorksheetModel model = figures.attachTo(WorksheetModel.of(d));
    Map<String, String> docs = new WorksheetWriter(templates).render(model);
    String tex = docs.get(WorksheetWriter.TEX);
    String markdown = docs.get(WorksheetWriter.MARKDOWN);

    if (formats.contains("tex")) {
      folder.add(WorksheetWriter.TEX, tex);
    }
    if (formats.contains("md") || formats.contains("html")) {
      figures.svgFiles().forEach(folder::add);
    }
    if (formats.contains("md")) {
      folder.add(WorksheetWriter.MARKDOWN, markdown);
    }
    if (formats.contains("html")) {
      HtmlPage page = new HtmlPage(templates, LANGUAGE);
      folder.add(HTML, page.render(markdown, title(markdown)));
      try {
        HtmlPage.assets().forEach(folder::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the KaTeX files: " + e.getMessage(), e);
      }
    }
    if (formats.contains("pdf")) {
      folder.add(PDF, compile(new PdfBuilder(), tex));
    }
  }

  /** The page title: the worksheet's first heading, which its template writes. */
  static String title(String markdown) {
    for (String line : markdown.split("\n")) {
      if (line.startsWith("# ")) {
        return line.substring(2).trim();
      }
    }
    return "";
  }

  /** The PDF bytes, built in a scratch folder that is removed afterwards. */
  private static byte[] compile(PdfBuilder pdf, String tex) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("convderiv-worksheet");
      Path file = scratch.resolve(PDF);
      pdf.build(tex, file);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + PDF + ": " + e.getMessage(), e);
    } finally {
      OutputFolder.deleteTree(scratch);
    }
  }
}
