package org.convderiv.numeric.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches the terminal from DJL and PyTorch, seen from a separate JVM's stderr. */
class PyTorchEngineLoggingTest {

  record Output(int exitCode, String stdout, String stderr) {}

  @TempDir Path dir;

  private Output probe(String mode) throws IOException, InterruptedException {
    Path out = dir.resolve(mode + ".out");
    Path err = dir.resolve(mode + ".err");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), LoggingProbe.class.getName(), mode))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish within 120 s");
    return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void quietLoadPrintsNothingFromDjlOrPyTorch() throws Exception {
    Output o = probe("quiet");

    assertEquals(0, o.exitCode(), o.stderr());
    assertTrue(o.stdout().startsWith("ran PyTorch 2.7.1"), o.stdout());
    assertEquals("", o.stderr());
  }

  @Test
  void verboseLoadLetsDjlAndPyTorchSpeak() throws Exception {
    Output o = probe("verbose");

    assertEquals(0, o.exitCode(), o.stderr());
    assertTrue(o.stderr().contains("PtEngine - Number of intra-op threads is 1"), o.stderr());
    assertTrue(o.stderr().contains("Warning: The .grad attribute of a Tensor that is not a leaf"),
        o.stderr());
  }
}
