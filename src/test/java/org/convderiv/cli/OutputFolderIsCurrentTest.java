package org.convderiv.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples checked in under {@code output/} are what {@code convderiv examples} writes
 * today, byte for byte: a change that alters a document fails here until the examples are
 * regenerated.
 */
class OutputFolderIsCurrentTest {

  @Test
  void outputFolderMatchesAFreshRunOfExamples(@TempDir Path fresh) throws IOException {
    boolean ci = "true".equals(System.getenv("CI"));
    boolean pdflatex = Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "pdflatex")));
    if (!ci) {
      assumeTrue(pdflatex, "pdflatex is not installed: the PDF example cannot be rebuilt");
    }
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "examples", "--out", fresh.toString());
    assertEquals(ExitCodes.OK, exit, err.toString());

    Path committed = Path.of("output");
    assertEquals(files(fresh), files(committed),
        "output/ has other files than a fresh run; run ./convderiv examples");
    for (String name : files(fresh)) {
      assertArrayEquals(Files.readAllBytes(fresh.resolve(name)),
          Files.readAllBytes(committed.resolve(name)),
          "output/" + name + " is stale; run ./convderiv examples");
    }
  }

  private static TreeSet<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> names = walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
      return new TreeSet<>(names);
    }
  }
}
