package org.convderiv.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convderiv.render.OutputFolder;
import org.convderiv.render.TemplateEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convderiv bench}: times the whole derive command, JVM start included, on the standard
 * layers, and the SymPy baseline of the symbolic part on the same machine in the same run, and
 * prints the ratios. Wall times vary with the machine; ratios measured together are what the
 * README reports.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Times derive (whole command, JVM start included) on standard layers against"
        + " the SymPy baseline, and prints the ratio table.")
public final class BenchCommand implements Callable<Integer> {
  private static final Pattern SYMPY_SECONDS = Pattern.compile("seconds=([0-9.]+)");

  @Option(names = "--repeat", defaultValue = "3",
      description = "Runs per layer; the fastest counts. Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Option(names = "--sympy", paramLabel = "SCRIPT", defaultValue = "../shared/bench/sympy_conv.py",
      description = "The SymPy baseline script, run with /usr/bin/python3. Default: ${DEFAULT-VALUE}.")
  Path sympy;

  @Option(names = "--no-sympy", description = "Skip the SymPy baseline (it takes minutes).")
  boolean noSympy;

  @Option(names = "--heap", defaultValue = "2g",
      description = "Maximum heap of each derive run. Default: ${DEFAULT-VALUE}.")
  String heap;

  @Option(names = "--format", defaultValue = "tex,md",
      description = "Formats each derive run writes. Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() throws Exception {
    Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    Path scratch = Files.createTempDirectory("convderiv-bench");
    try {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (BenchCase c : BenchCase.standard()) {
        rows.add(measure(jar, scratch, c));
      }
      Map<String, Object> model = new HashMap<>();
      model.put("rows", rows);
      model.put("repeat", repeat);
      model.put("heap", heap);
      model.put("cores", Runtime.getRuntime().availableProcessors());
      model.put("java", Runtime.version().toString());
      Map<String, Object> r28 = rows.get(3);
      Map<String, Object> r64 = rows.get(5);
      double perTerm28 = (double) r28.get("secondsPerTerm");
      double perTerm64 = (double) r64.get("secondsPerTerm");
      model.put("linearity", String.format(Locale.ROOT, "%.2f", perTerm64 / perTerm28));
      if (!noSympy) {
        double baseline = sympySeconds(28, 5);
        model.put("sympySeconds", String.format(Locale.ROOT, "%.2f", baseline));
        model.put("speedup", String.format(Locale.ROOT, "%.1f",
            baseline / (double) r28.get("seconds")));
      }
      System.out.print(new TemplateEngine().render("en/bench/table.md.ftl", model));
      return 0;
    } finally {
      OutputFolder.deleteTree(scratch);
    }
  }

  private Map<String, Object> measure(Path jar, Path scratch, BenchCase c) throws Exception {
    double best = Double.MAX_VALUE;
    Path out = scratch.resolve("out");
    for (int i = 0; i < repeat; i++) {
      // The launcher beside target/, as users run it (its class-data archive and JVM flags
      // included); the bare jar when there is none.
      Path launcher = jar.getParent().resolveSibling("convderiv");
      List<String> cmd = new ArrayList<>(Files.isExecutable(launcher)
          ? List.of(launcher.toString()) : List.of(javaBinary(), "-jar", jar.toString()));
      cmd.addAll(List.of("derive", "--out", out.toString(), "--format", format));
      cmd.addAll(c.options());
      long start = System.nanoTime();
      int exit = run(cmd, scratch.resolve("derive.log"));
      double seconds = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException("derive " + String.join(" ", c.options())
            + " exited with " + exit + ": " + Files.readString(scratch.resolve("derive.log")));
      }
      best = Math.min(best, seconds);
    }
    long terms = gradientTerms(out.resolve("report.json"));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", c.name());
    row.put("seconds", best);
    row.put("secondsText", String.format(Locale.ROOT, "%.2f", best));
    row.put("terms", terms);
    row.put("secondsPerTerm", best / terms);
    row.put("microsPerTerm", String.format(Locale.ROOT, "%.2f", best / terms * 1e6));
    return row;
  }

  /** Products in all dL/dF and dL/dX expressions, as the SymPy baseline counts them. */
  private static long gradientTerms(Path report) throws IOException {
    JsonNode root = new ObjectMapper().readTree(report.toFile());
    long terms = 0;
    for (String key : List.of("dL_dF", "dL_dX")) {
      for (JsonNode line : root.path("gradients").path(key)) {
        String rhs = line.asText().substring(line.asText().indexOf('=') + 1).trim();
        terms += rhs.equals("0") ? 0 : rhs.split(" [+-] ").length;
      }
    }
    return terms;
  }

  private double sympySeconds(int n, int k) throws Exception {
    Path log = Files.createTempFile("convderiv-sympy", ".log");
    try {
      List<String> cmd = List.of("/usr/bin/python3", sympy.toString(), Integer.toString(n),
          Integer.toString(k));
      int exit = run(cmd, log);
      String text = Files.readString(log, StandardCharsets.UTF_8);
      Matcher m = SYMPY_SECONDS.matcher(text);
      if (exit != 0 || !m.find()) {
        throw new IllegalStateException("SymPy baseline failed (install python3-sympy): "
            + text.lines().reduce((a, b) -> b).orElse("no output"));
      }
      return Double.parseDouble(m.group(1));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private int run(List<String> cmd, Path log) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("CONVDERIV_JAVA_OPTS", "-Xmx" + heap);
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", cmd));
    }
    return p.exitValue();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
