package org.convderiv.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code worksheet.tex} and {@code worksheet.md} for one {@link WorksheetModel}. Both
 * documents are rendered in memory first, written into a fresh folder next to the target and only
 * then moved into place, so an error leaves either the old files or the new ones, never half a
 * file. The output depends on the model alone: no dates, no map iteration in hash order.
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
        Map.of("w", model, "figures", model.latexFigures())));
    docs.put(MARKDOWN, templates.render(MARKDOWN_TEMPLATE,
        Map.of("w", model, "figures", model.markdownFigures())));
    return docs;
  }

  /** Renders and writes both worksheets into {@code folder}, created if missing. */
  public void write(WorksheetModel model, Path folder) {
    Map<String, String> docs = render(model);
    Path target = folder.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Path staging = null;
    try {
      Files.createDirectories(parent);
      staging = Files.createTempDirectory(parent, ".worksheet-");
      for (Map.Entry<String, String> d : docs.entrySet()) {
        Files.writeString(staging.resolve(d.getKey()), d.getValue(), StandardCharsets.UTF_8);
      }
      if (!Files.exists(target)) {
        try {
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
          staging = null;
          return;
        } catch (FileAlreadyExistsException e) {
          // Created meanwhile by someone else: fall through and replace the files one by one.
        }
      }
      if (!Files.isDirectory(target)) {
        throw new IOException("output (" + target + ") must be a folder");
      }
      for (String name : docs.keySet()) {
        move(staging.resolve(name), target.resolve(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write worksheets to " + target + ": "
          + e.getMessage(), e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Limitation: a staging folder that cannot be listed is left behind; it holds only
      // copies of documents and its name starts with a dot.
    }
  }
}
