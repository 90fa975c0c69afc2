package org.convderiv.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The PyTorch reference cases in {@code ../shared/cases}, beside the repository. */
public final class SharedCases {
  private SharedCases() {}

  public static Path directory() {
    Path dir = Path.of("..", "shared", "cases").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("reference cases not found at " + dir);
    }
    return dir;
  }

  public static Path file(String name) {
    return directory().resolve(name);
  }

  public static List<Path> all() {
    try (Stream<Path> s = Files.list(directory())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
