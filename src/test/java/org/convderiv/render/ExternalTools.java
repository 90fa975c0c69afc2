package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs the rendering tests drive; absent ones skip a test, except on CI. */
public final class ExternalTools {
  private ExternalTools() {}

  /** The program's path; skips the test when it is missing, fails when CI=true. */
  public static Path require(String program) {
    Path found = find(program);
    String hint = program + " is not installed";
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(found != null, hint + " (CI must have it)");
    } else {
      assumeTrue(found != null, hint);
    }
    return found;
  }

  static Path find(String program) {
    Path direct = Path.of(program);
    if (direct.isAbsolute()) {
      return Files.isExecutable(direct) ? direct : null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
