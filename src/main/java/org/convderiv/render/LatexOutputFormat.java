package org.convderiv.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for {@code .tex} templates: every interpolated string is escaped, so
 * user text cannot inject LaTeX. Markup built by the renderer (formulas) is passed as
 * already-escaped markup with {@code ?no_esc}.
 */
public final class LatexOutputFormat extends CommonMarkupOutputFormat<LatexOutputFormat.Model> {
  public static final LatexOutputFormat INSTANCE = new LatexOutputFormat();

  private LatexOutputFormat() {}

  @Override
  public String getName() {
    return "LaTeX";
  }

  @Override
  public String getMimeType() {
    return "application/x-tex";
  }

  @Override
  public void output(String text, Writer out) throws IOException {
    out.write(escapePlainText(text));
  }

  @Override
  public String escapePlainText(String text) {
    return LatexEscaper.escape(text);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Model newTemplateMarkupOutputModel(String plainText, String markupText) {
    return new Model(plainText, markupText);
  }

  /** Markup produced under this format. */
  public static final class Model extends CommonTemplateMarkupOutputModel<Model> {
    Model(String plainText, String markupText) {
      super(plainText, markupText);
    }

    @Override
    public LatexOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
