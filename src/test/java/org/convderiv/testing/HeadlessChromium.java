package org.convderiv.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Headless Chromium on a file:// page, offline, with a fresh profile, as the HTML tests use it. */
public final class HeadlessChromium {
  private HeadlessChromium() {}

  /** What Chromium printed: the DOM or nothing on stdout, its log on stderr. */
  public record Run(String stdout, String stderr) {}

  /**
   * Opens {@code html} and performs {@code action} ({@code --dump-dom},
   * {@code --screenshot=...}); scratch files go under {@code scratch}.
   */
  public static Run run(Path chromium, Path html, Path scratch, String... action)
      throws Exception {
    Path profile = Files.createTempDirectory(scratch, "profile");
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=5000"));
    cmd.addAll(List.of(action));
    cmd.add(html.toUri().toString());
    Path stdout = Files.createTempFile(scratch, "chromium", ".out");
    Path stderr = Files.createTempFile(scratch, "chromium", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), err);
    return new Run(Files.readString(stdout, StandardCharsets.UTF_8), err);
  }

  /** Log lines that report a page script error or any console message. */
  public static List<String> consoleProblems(String stderr) {
    List<String> out = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.contains("CONSOLE") || line.contains("Uncaught")) {
        out.add(line);
      }
    }
    return out;
  }

  public static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
