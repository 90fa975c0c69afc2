package org.convderiv.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convderiv.check.CheckReport;
import org.convderiv.check.Checker;
import org.convderiv.check.LayerSettings;
import org.convderiv.check.ReportModel;
import org.convderiv.check.FormulaLine;
import org.convderiv.check.Sources;
import org.convderiv.check.Truth;
import org.convderiv.layer.LayerException;
import org.convderiv.layer.LayerSpec;
import org.convderiv.render.TemplateEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convderiv check FILE}: checks hand-derived formulas against the derivation. Thin: it
 * reads the file, settles the layer, and hands over to {@link Checker}.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Checks hand-derived formulas of a convolution layer: each claim is correct, or wrong"
            + " with its missing and extra terms and a small integer counterexample.",
        "",
        "Claims, one per line (plain or LaTeX), or in $$$$ blocks and ```math fences of a"
            + " Markdown file (.md):",
        "  dL/dX22 = dL/dO11*F22 + dL/dO12*F21 + dL/dO21*F12 + dL/dO22*F11",
        "  \\frac{\\partial L}{\\partial X_{22}} = \\frac{\\partial L}{\\partial O_{11}} F_{22}"
            + " + ...",
        "  O12 = X12 F11 + X13 F12 + X22 F21 + X23 F22",
        "  dL/dF = conv(X, dilate(dL/dO, 2))      dL/dX = full_conv(rot180(F), dL/dO)",
        "Multi-line LaTeX: inside align, align*, aligned, gather(ed), split, equation (and"
            + " their starred forms), in a .tex file or a Markdown math block, \\\\ ends a row"
            + " and a row may run over several lines; & marks and the \\begin/\\end markers"
            + " are ignored, as are %% comments. A row starting with an operator after its"
            + " & and spacing (&\\quad +, & -, &\\cdot) continues the claim above it. A row"
            + " &= ... is a further claim about the same left-hand side, checked on its own:",
        "  \\begin{align*}",
        "  dL/dX12 &= dL/dO11 F12 \\\\",
        "          &\\quad + dL/dO12 F11 \\\\",
        "          &= dL/dO12 F11 + dL/dO11 F12",
        "  \\end{align*}",
        "A complete LaTeX document (with \\begin{document}) is read for its body's math only:"
            + " equation, align, gather, multline (and starred forms), \\[ \\], $$$$ $$$$ and"
            + " inline $$...$$ holding =; prose and commands are skipped, and \\label,"
            + " \\tag, \\nonumber, \\notag and a closing , or . in a row are dropped.",
        "Problems are reported at the line and column where they were written.",
        "Indices start at 1; batch and channel indices appear only when that size exceeds 1"
            + " (dL/dO_{2,1,1} is output channel 2); from size 10 on they need commas"
            + " (X_{10,2} or X10,2).",
        "Tensor functions: conv(A, B, ...) (valid; the smaller operand slides), full_conv(A, B,"
            + " ...) (A slides over B with a zero border of A's span), rot180, flip (rows),"
            + " transpose, dilate(T, s), pad(T, p), crop(T, p), sum(T) (positions and batch)."
            + " Convolutions sum over the axis n, co or ci the operands share.",
        "Keywords of conv and full_conv, each one number for all axes (2) or one per axis"
            + " (2x1):",
        "  conv: padding= zero-pads the input (per side as 1x0/2x1, before/after), the"
            + " sliding operand is dilated by dilation= and sampled every stride=; a filter-shaped"
            + " result past the kernel by fewer rows than dilation= (rows a strided layer never"
            + " read) is cropped to the kernel.",
        "  full_conv: B is dilated by stride= (zeros between entries), A by dilation=; an"
            + " input-shaped result short of the padded input by fewer rows than stride= gets"
            + " zero rows at the end (rows the forward pass never read); then padding= is"
            + " cropped, before and after on each axis.",
        "  groups=G (both): channels form G independent blocks, block g of one operand meeting"
            + " only block g of the other.",
        "  dL/dF = conv(X, dL/dO, padding=1, stride=2, dilation=2x1, groups=2)",
        "  dL/dX = full_conv(rot180(F), dL/dO, padding=1x0/0x1, stride=2, dilation=2)",
        "",
        "The layer comes from the options below, or from a header line in the file such as",
        "  %% layer: input 5x5, kernel 3x3, stride 2, channels-out 2",
        "(after %%, #, // or <!--, settings named like the options); options override it.",
        "Lines starting with %%, # or // are comments.",
        "",
        "Exit status: 0 when every claim holds, 1 when one is wrong, 2 for bad input."})
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Parameters(paramLabel = "FILE", description = "File of claims, or - for standard input.")
  String file;

  @Mixin LayerOptions layer;

  @Option(names = "--report", paramLabel = "FILE.md|FILE.tex",
      description = "Also write the results as a Markdown or LaTeX report.")
  Path report;

  /**
   * Claims per run at most: each has its own time limit, and this bounds the whole run (a
   * lecture's derivation has dozens).
   */
  static final int MAX_CLAIMS = 10_000;

  /** Bytes of claims read at most, so that one line cannot hold millions of terms. */
  static final int MAX_BYTES = 4_000_000;

  private static byte[] readBounded(Path path) throws IOException {
    try (var in = Files.newInputStream(path)) {
      return in.readNBytes(MAX_BYTES + 1);
    }
  }

  @Override
  public Integer call() {
    String content = read(file);
    String kind = report == null ? null : reportKind(report);
    if (report != null) {
      // Before checking, so that a report that cannot be written costs nothing.
      Path parent = report.toAbsolutePath().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        throw new IllegalArgumentException("report (" + report + ") must go into an existing"
            + " folder");
      }
    }
    LayerSpec spec = layerOf(content);
    List<FormulaLine> claims = Sources.read(file, content);
    if (claims.size() > MAX_CLAIMS) {
      throw new IllegalArgumentException("claims file (" + file + ") holds " + claims.size()
          + " claims, past the limit of " + MAX_CLAIMS + " per run; split it");
    }
    CheckReport result = new Checker(spec, Truth.derived(spec)).check(claims);

    String source = file.equals("-") ? "standard input" : file;
    Map<String, Object> model = ReportModel.of(result, source);
    TemplateEngine templates = new TemplateEngine();
    PrintWriter out = command.commandLine().getOut();
    out.print(templates.render("en/check/terminal.txt.ftl", model));
    out.flush();
    if (kind != null) {
      write(report, templates.render("en/check/report." + kind + ".ftl", model));
    }
    return switch (result.outcome()) {
      case ALL_HOLD -> ExitCodes.OK;
      case WRONG -> ExitCodes.CHECK_FAILED;
      case BAD_INPUT -> ExitCodes.BAD_INPUT;
    };
  }

  /** Options win; settings of the file's header fill in what the options leave open. */
  private LayerSpec layerOf(String content) {
    var header = Sources.layerHeader(content);
    if (header.isEmpty()) {
      return layer.toSpec();
    }
    Map<String, String> s = LayerSettings.parseHeader(header.get());
    layer.input = first(layer.input, s.get("input"));
    layer.kernel = first(layer.kernel, s.get("kernel"));
    layer.stride = first(layer.stride, s.get("stride"));
    layer.padding = first(layer.padding, s.get("padding"));
    layer.dilation = first(layer.dilation, s.get("dilation"));
    layer.convention = first(layer.convention, s.get("convention"));
    layer.channelsIn = count(layer.channelsIn, s, "channels-in");
    layer.channelsOut = count(layer.channelsOut, s, "channels-out");
    layer.groups = count(layer.groups, s, "groups");
    layer.batch = count(layer.batch, s, "batch");
    if (s.containsKey("bias")) {
      String b = s.get("bias");
      if (!b.equals("true") && !b.equals("false")) {
        throw new LayerException("bias (" + b + ") must be true or false");
      }
      layer.bias |= b.equals("true");
    }
    return layer.toSpec();
  }

  private static String first(String option, String header) {
    return option != null ? option : header;
  }

  private static Integer count(Integer option, Map<String, String> header, String key) {
    if (option != null || !header.containsKey(key)) {
      return option;
    }
    try {
      return Integer.valueOf(header.get(key));
    } catch (NumberFormatException e) {
      throw new LayerException(key + " (" + header.get(key) + ") must be a whole number");
    }
  }

  private static String reportKind(Path report) {
    String name = report.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md")) {
      return "md";
    }
    if (name.endsWith(".tex")) {
      return "tex";
    }
    throw new IllegalArgumentException("report (" + report + ") must end in .md or .tex");
  }

  private static String read(String file) {
    try {
      byte[] bytes = file.equals("-")
          ? System.in.readNBytes(MAX_BYTES + 1) : readBounded(Path.of(file));
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("claims file (" + file + ") is larger than "
            + MAX_BYTES + " bytes, the limit per run; split it");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UncheckedIOException("claims file (" + file + ") does not exist", e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UncheckedIOException("claims file (" + file + ") cannot be read: permission"
          + " denied", e);
    } catch (IOException e) {
      throw new UncheckedIOException("claims file (" + file + ") cannot be read: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  private static void write(Path path, String text) {
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("report (" + path + ") cannot be written: "
          + e.getClass().getSimpleName(), e);
    }
  }
}
