package org.convderiv.render;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code worksheet.tex} and {@code worksheet.md} for one {@link WorksheetModel}. Both
 * documents are rendered in memory first and written through an {@link OutputFolder}, so an error
 * leaves either the old files or the new ones, never half a file. The output depends on the model alone: no dates, no map iteration in hash order.
 */
public final class WorksheetWriter {
  public static final String TEX = "worksheet.tex";
  public static final String MARKDOWN = "worksheet.md";

  private static final String TEX_TEMPLATE = "en/derive/worksheet.tex.ftl";
  private static final String MARKDOWN_TEMPLATE = "en/derive/worksheet.md.ftl";

  private final TemplateEngine templates;

  public WorksheetWriter(TemplateEngine templates) {
    this.templates = templates;
  }

  /** The two documents, file name to text, in a fixed order. */
  public Map<String, String> render(WorksheetModel model) {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put(TEX, templates.render(TEX_TEMPLATE,
        Map.of("w", model, "figures", model.latexFigures(), "sumTerms", WorksheetModel.SUM_TERMS)));
    docs.put(MARKDOWN, templates.render(MARKDOWN_TEMPLATE,
        Map.of("w", model, "figures", model.markdownFigures(), "sumTerms", WorksheetModel.SUM_TERMS)));
    return docs;
  }

  /** Renders and writes both worksheets into {@code folder}, created if missing. */
  public void write(WorksheetModel model, Path folder) {
    OutputFolder out = new OutputFolder(folder);
    render(model).forEach(out::add);
    out.commit();
  }
}
