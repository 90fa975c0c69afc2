package org.convderiv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.convderiv.casefile.CaseFile;
import org.convderiv.casefile.CaseFiles;
import org.convderiv.derive.Derivation;
import org.convderiv.derive.Deriver;
import org.convderiv.differentiate.SymjaSession;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.render.HtmlPage;
import org.convderiv.render.OutputFolder;
import org.convderiv.render.PdfBuilder;
import org.convderiv.render.TemplateEngine;
import org.convderiv.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convderiv derive}: derives one layer and writes its worksheets and report. With no
 * options it derives the classic 3x3 input, 2x2 kernel case into {@code output/}.
 */
@Command(name = "derive", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Derives the backward pass of a convolution layer, step by step, into"
        + " worksheets (LaTeX, Markdown, HTML, PDF) and report.json.")
public final class DeriveCommand implements Callable<Integer> {

  /** Formats written when none is asked for. */
  static final String DEFAULT_FORMATS = "tex,md";

  @Spec CommandSpec command;

  @Mixin LayerOptions layer;

  @Option(names = "--case", paramLabel = "FILE.json",
      description = "Take the layer and the values of X, F and dL/dO (and b) from a case file"
          + " in the format of the reference cases.")
  Path caseFile;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the random small integers (and of the random reals of the"
          + " numeric check). Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = DEFAULT_FORMATS,
      description = "Comma-separated: tex, md, html, pdf. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "java",
      description = "Numeric witness: java (built-in), pytorch (PyTorch through DJL) or both"
          + " (each checked, and compared with each other). Default: ${DEFAULT-VALUE}.")
  String engine;

  @Option(names = "--verbose", description = "Print progress of each stage on stderr.")
  boolean verbose;

  @Override
  public Integer call() {
    Set<String> formats = formats(format);
    if (formats.contains("pdf")) {
      // Before deriving, so that a missing pdflatex costs nothing and writes nothing.
      new PdfBuilder().requireAvailable();
    }
    LayerSpec spec;
    LayerValues values;
    if (caseFile != null) {
      CaseFile c = CaseFiles.read(caseFile);
      layer.checkAgreesWith(c.spec());
      spec = c.spec();
      values = c.values();
    } else {
      spec = layer.toSpec();
      values = LayerValues.randomIntegers(spec, seed);
    }
    // Symja takes a while to load: start it once the input is known to be good, so that bad
    // input is refused at once and never races Symja's start at exit.
    SymjaSession.warmUp();
    TemplateEngine templates = new TemplateEngine();
    CompletableFuture<Void> parsed =
        CompletableFuture.runAsync(() -> templates.preload(Documents.TEMPLATES));
    Derivation d = new Deriver(Engines.select(engine, verbose), seed).derive(spec, values);
    if (verbose) {
      d.stageNanos().forEach((stage, ns) ->
          command.commandLine().getErr().printf(Locale.ROOT, "%-14s %8.1f ms%n", stage, ns / 1e6));
    }

    OutputFolder folder = new OutputFolder(out);
    long start = System.nanoTime();
    // The report and the worksheets read the derivation only: write them side by side.
    CompletableFuture<String> report = CompletableFuture.supplyAsync(() -> Report.toJson(d));
    parsed.join();
    Documents.add(folder, d, formats, templates);
    long rendered = System.nanoTime();
    folder.add("report.json", report.join());
    List<Path> written = folder.commit();
    if (verbose) {
      PrintWriter err = command.commandLine().getErr();
      err.printf(Locale.ROOT, "%-14s %8.1f ms%n", "render", (rendered - start) / 1e6);
      err.printf(Locale.ROOT, "%-14s %8.1f ms%n", "write", (System.nanoTime() - rendered) / 1e6);
    }

    List<String> names = new ArrayList<>();
    int assets = 0;
    for (Path p : written) {
      // The typesetting files of the HTML page are counted, not listed one by one.
      if (p.getParent() != null && p.getParent().endsWith(HtmlPage.ASSETS)
          || p.toString().contains("/" + HtmlPage.ASSETS + "/")) {
        assets++;
      } else {
        names.add(p.toString());
      }
    }
    command.commandLine().getOut().print(templates.render("en/derive/summary.txt.ftl",
        Map.of("derivation", d, "written", names, "assets", assets,
            "assetFolder", out.resolve(HtmlPage.ASSETS).toString())));
    command.commandLine().getOut().flush();
    return d.holds() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  static Set<String> formats(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String f : text.split(",")) {
      String t = f.trim().toLowerCase(Locale.ROOT);
      if (!List.of("tex", "md", "html", "pdf").contains(t)) {
        throw new IllegalArgumentException(
            "format (" + f.trim() + ") must be one of tex, md, html, pdf");
      }
      out.add(t);
    }
    return out;
  }
}
