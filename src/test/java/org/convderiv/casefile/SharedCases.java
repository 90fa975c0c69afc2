package org.convderiv.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the PyTorch reference cases: {@code shared/cases} beside the repository (or beside any
 * folder above the working directory, which covers git worktrees), else {@code /work/shared}.
 * Missing cases fail the tests that need them rather than skipping them silently.
 */
public final class SharedCases {

  private SharedCases() {}

  public static Path directory() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("cases");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Path fixed = Path.of("/work/shared/cases");
    if (Files.isDirectory(fixed)) {
      return fixed;
    }
    throw new IllegalStateException("shared/cases not found above " + Path.of("").toAbsolutePath()
        + " nor at " + fixed);
  }

  /** Every case file, sorted by name; at least one, or the lookup failed. */
  public static List<Path> files() {
    try (Stream<Path> s = Files.list(directory())) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no case files in " + directory());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path file(String name) {
    return directory().resolve(name + ".json");
  }
}
