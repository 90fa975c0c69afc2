package org.convderiv.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.OutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders documents from the FreeMarker templates of the top-level {@code templates/} folder.
 *
 * <p>Templates use the square-bracket syntax ({@code [#if]}, {@code [=x]}) so that LaTeX's
 * {@code $} and braces stay literal. Templates are data, not code: they cannot instantiate Java
 * classes ({@code ?new} resolves nothing) nor reach the Java API ({@code ?api} is off). Files
 * named {@code *.tex.ftl} escape every interpolation for LaTeX.
 *
 * <p>Lookup order: the folder named by the system property {@code convderiv.templates}, else
 * {@code templates/} in the working directory, else the copy packaged in the jar. Template names
 * start with the language folder, {@code en/derive/worksheet.tex.ftl}, so a translation is one
 * more folder.
 */
public final class TemplateEngine {
  private final Configuration config;

  public TemplateEngine() {
    this(defaultFolder());
  }

  public TemplateEngine(Path folder) {
    config = new Configuration(Configuration.VERSION_2_3_33);
    config.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
    config.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    // Numbers print as plain decimals, never "1,234", whatever the machine's locale.
    config.setNumberFormat("computer");
    config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    config.setRegisteredCustomOutputFormats(List.<OutputFormat>of(LatexOutputFormat.INSTANCE));
    TemplateConfiguration tex = new TemplateConfiguration();
    tex.setOutputFormat(LatexOutputFormat.INSTANCE);
    config.setTemplateConfigurations(
        new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("tex.ftl"), tex));
    config.setOutputFormat(PlainTextOutputFormat.INSTANCE);

    List<TemplateLoader> loaders = new ArrayList<>();
    if (folder != null && Files.isDirectory(folder)) {
      try {
        loaders.add(new FileTemplateLoader(folder.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    loaders.add(new ClassTemplateLoader(TemplateEngine.class, "/templates"));
    config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
  }

  private static Path defaultFolder() {
    String prop = System.getProperty("convderiv.templates");
    return prop != null ? Path.of(prop) : Path.of("templates");
  }

  /**
   * Parses the named templates ahead of use, so that the first rendering does not pay for it;
   * safe to call from another thread while the derivation runs.
   */
  public void preload(String... templateNames) {
    for (String name : templateNames) {
      try {
        config.getTemplate(name);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read template " + name, e);
      }
    }
  }

  /** Renders the named template with {@code model} (a map or a record) as its data. */
  public String render(String templateName, Object model) {
    try {
      StringWriter out = new StringWriter();
      config.getTemplate(templateName).process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + templateName, e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + templateName + " failed: "
          + e.getMessageWithoutStackTop(), e);
    }
  }
}
