package org.convderiv.render;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Markdown worksheet into a standalone HTML page that opens offline: Flexmark renders
 * the Markdown (tables included, inline SVG figures passed through), and KaTeX, copied into a
 * {@code katex/} folder beside the page, typesets the math in the browser ({@link MathShield}
 * marks it). The KaTeX files are the pinned npm release vendored under
 * {@code src/main/resources/katex}.
 */
public final class HtmlPage {
  /** The folder, relative to the page, that holds the KaTeX files. */
  public static final String ASSETS = "katex";
  private static final String PAGE_TEMPLATE = "html/page.ftlh";

  private final TemplateEngine templates;
  private final String language;
  private final Parser parser;
  private final HtmlRenderer renderer;

  public HtmlPage(TemplateEngine templates, String language) {
    this.templates = templates;
    this.language = language;
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    parser = Parser.builder(options).build();
    renderer = HtmlRenderer.builder(options).build();
  }

  /** The page's HTML text; it expects the KaTeX files in {@link #ASSETS} beside it. */
  public String render(String markdown, String title) {
    MathShield shield = new MathShield();
    String body = shield.restore(renderer.render(parser.parse(shield.hide(markdown))));
    return templates.render(language + "/" + PAGE_TEMPLATE,
        Map.of("title", title, "body", body, "assets", ASSETS));
  }

  /** Writes the page to {@code htmlFile} and the KaTeX files into {@code katex/} beside it. */
  public void write(String markdown, String title, Path htmlFile) {
    Path folder = htmlFile.toAbsolutePath().getParent();
    try {
      Files.createDirectories(folder);
      Files.writeString(htmlFile, render(markdown, title), StandardCharsets.UTF_8);
      copyAssets(folder.resolve(ASSETS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + htmlFile, e);
    }
  }

  /** Copies the vendored KaTeX files listed in {@code katex/files.txt} into {@code target}. */
  public static void copyAssets(Path target) throws IOException {
    for (String name : assetNames()) {
      Path file = target.resolve(name);
      Files.createDirectories(file.getParent());
      try (InputStream in = open(name)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * The vendored KaTeX files as bytes, by path relative to the page ({@code katex/...}), in the
   * order of {@code katex/files.txt}: for callers that write every file of a run at once.
   */
  public static Map<String, byte[]> assets() throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String name : assetNames()) {
      try (InputStream in = open(name)) {
        out.put(ASSETS + "/" + name, in.readAllBytes());
      }
    }
    return out;
  }

  private static List<String> assetNames() throws IOException {
    List<String> names = new ArrayList<>();
    for (String name : resource("files.txt").split("\n")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return names;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = HtmlPage.class.getResourceAsStream("/" + ASSETS + "/" + name);
    if (in == null) {
      throw new IOException("KaTeX file " + name + " is missing from the build (see"
          + " scripts/vendor-katex.sh)");
    }
    return in;
  }
}
