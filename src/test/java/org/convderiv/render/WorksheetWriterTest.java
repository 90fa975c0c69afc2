package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorksheetWriterTest {
  private final WorksheetModel model = WorksheetModel.of(Worksheets.article(), "article");

  @Test
  void writesBothWorksheetsAndNothingElse(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    new WorksheetWriter(new TemplateEngine()).write(model, out);
    assertEquals(List.of("worksheet.md", "worksheet.tex"), names(out));
    assertEquals(List.of("out"), names(dir), "no staging folder left behind");
    assertTrue(Files.readString(out.resolve("worksheet.tex")).startsWith("\\documentclass"));
  }

  @Test
  void theSameDerivationGivesByteIdenticalFiles(@TempDir Path dir) throws IOException {
    WorksheetWriter writer = new WorksheetWriter(new TemplateEngine());
    writer.write(model, dir.resolve("a"));
    writer.write(WorksheetModel.of(Worksheets.article(), "article"), dir.resolve("b"));
    for (String f : List.of(WorksheetWriter.TEX, WorksheetWriter.MARKDOWN)) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
          Files.readAllBytes(dir.resolve("b").resolve(f)), f);
    }
  }

  @Test
  void rewritingReplacesTheOldFilesAndKeepsOthers(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("worksheet.tex"), "old");
    Files.writeString(out.resolve("notes.txt"), "mine");
    new WorksheetWriter(new TemplateEngine()).write(model, out);
    assertTrue(Files.readString(out.resolve("worksheet.tex")).contains("\\begin{document}"));
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    assertEquals(List.of("out"), names(dir));
  }

  @Test
  void aFailingTemplateLeavesTheOldFilesUntouched(@TempDir Path dir) throws IOException {
    Path templates = dir.resolve("templates/en/derive");
    Files.createDirectories(templates);
    Files.writeString(templates.resolve("worksheet.tex.ftl"), "ok [=w.name]");
    Files.writeString(templates.resolve("worksheet.md.ftl"), "[=w.noSuchField]");
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("worksheet.tex"), "old");
    WorksheetWriter writer = new WorksheetWriter(new TemplateEngine(dir.resolve("templates")));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> writer.write(model, out));
    assertTrue(e.getMessage().contains("worksheet.md.ftl"), e.getMessage());
    assertEquals("old", Files.readString(out.resolve("worksheet.tex")));
    assertEquals(List.of("worksheet.tex"), names(out));
    assertEquals(List.of("out", "templates"), names(dir));
  }

  @Test
  void aFileInPlaceOfTheFolderIsRefusedWithItsName(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Files.writeString(out, "not a folder");
    var e = assertThrows(java.io.UncheckedIOException.class,
        () -> new WorksheetWriter(new TemplateEngine()).write(model, out));
    assertTrue(e.getMessage().contains("must be a folder"), e.getMessage());
    assertEquals(List.of("out"), names(dir));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
