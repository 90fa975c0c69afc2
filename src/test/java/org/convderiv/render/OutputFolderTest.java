package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's files land all together or not at all. */
class OutputFolderTest {

  @Test
  void aCommitReplacesEveryFileAndLeavesNoScratchBehind(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.txt"), "old a");
    new OutputFolder(dir).add("a.txt", "new a").add("sub/b.txt", "new b").commit();
    assertEquals("new a", Files.readString(dir.resolve("a.txt")));
    assertEquals("new b", Files.readString(dir.resolve("sub/b.txt")));
    assertEquals(List.of("a.txt", "sub", "sub/b.txt"), tree(dir));
  }

  @Test
  void aFailurePartWayPutsTheOldFilesBack(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.txt"), "old a");
    Files.writeString(dir.resolve("b.txt"), "old b");
    Files.createDirectories(dir.resolve("c.txt"));
    OutputFolder out = new OutputFolder(dir).add("a.txt", "new a").add("b.txt", "new b")
        .add("c.txt", "new c");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, out::commit);
    assertTrue(e.getMessage().contains("c.txt is a folder where a file must go"), e.getMessage());
    assertEquals("old a", Files.readString(dir.resolve("a.txt")));
    assertEquals("old b", Files.readString(dir.resolve("b.txt")));
    assertEquals(List.of("a.txt", "b.txt", "c.txt"), tree(dir));
  }

  @Test
  void aFileInPlaceOfTheFolderIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out");
    Files.writeString(file, "x");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> new OutputFolder(file).add("a.txt", "a").commit());
    assertEquals("output (" + file + ") must be a folder, and it is a file", e.getMessage());
  }

  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted()
          .toList();
    }
  }
}
