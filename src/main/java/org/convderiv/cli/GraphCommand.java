package org.convderiv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convderiv.graph.Assignments;
import org.convderiv.graph.BackwardPass;
import org.convderiv.graph.Backpropagation;
import org.convderiv.graph.ClaimCheck;
import org.convderiv.graph.ClaimVerdict;
import org.convderiv.graph.ComputationalGraph;
import org.convderiv.graph.FiniteDifference;
import org.convderiv.graph.GraphBuilder;
import org.convderiv.graph.GraphReport;
import org.convderiv.graph.GraphWorksheet;
import org.convderiv.render.OutputFolder;
import org.convderiv.render.TemplateEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convderiv graph}: chain-rule worksheets for a scalar computational graph. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {
        "Builds the computational graph of a scalar expression, runs the forward and backward "
            + "passes (local gradients by Symja), checks them by finite differences and writes "
            + "worksheet.tex, worksheet.md, graph.svg and report.json.",
        "Language: + - * / ^ (or **), exp, log (ln), tanh, sigmoid, relu(a) = max(0, a), "
            + "max(a, b), juxtaposition multiplies; statements separated by ';' name "
            + "intermediate results, e.g. \"q = x + y; f = q * z\". The last statement is the "
            + "output."},
    footer = {"", "Exit codes: 0 all checks hold, 1 a finite-difference check or a claim "
        + "failed, 2 bad input.",
        "Example: convderiv graph \"f = (x + y) * z\" --claim x=-2,y=5,z=4,f=-12,df/dq=-4"})
public final class GraphCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "GRAPH", description = "The expression or program, e.g. "
      + "\"f = (x + y) * z\".")
  String graph;

  @Option(names = "--at", paramLabel = "x=V,...",
      description = "The point: a value for every input variable, e.g. x=-2,y=5,z=-4.")
  String at;

  @Option(names = "--claim", paramLabel = "NAME=V,...",
      description = "Values to check against each other instead of --at: every input variable, "
          + "plus any nodes (f=-12) and gradients of the output (df/dq=-4). Each claim is "
          + "recomputed from the nearest claimed values upstream; the worksheet is written for "
          + "the claimed inputs.")
  String claim;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output/graph",
      description = "Folder for the files (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    if ((at == null) == (claim == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give exactly one of --at (a point) and --claim (values to check)");
    }
    ComputationalGraph g = GraphBuilder.parse(graph);
    Backpropagation bp = new Backpropagation(g);
    Map<String, Double> claims = claim == null ? Map.of() : Assignments.parse(claim, "--claim");
    Map<String, Double> point = claim == null ? Assignments.parse(at, "--at")
        : ClaimCheck.point(g, claims);
    BackwardPass pass = bp.run(point);
    List<ClaimVerdict> verdicts = claim == null ? List.of() : ClaimCheck.check(bp, claims);

    Map<String, String> files = new LinkedHashMap<>(
        GraphWorksheet.render(new TemplateEngine(), pass, verdicts));
    files.put("report.json", GraphReport.of(pass, point, verdicts).toJson());
    write(files);

    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    verdicts.forEach(v -> stdout.println(v.explanation()));
    boolean failed = false;
    for (FiniteDifference fd : pass.checks()) {
      if (!fd.agrees()) {
        failed = true;
        stderr.println("convderiv: d" + g.output() + "/d" + fd.variable() + " = "
            + fd.backward() + " by the backward pass but " + fd.numeric()
            + " by finite differences (a kink or a singularity near the point?)");
      }
    }
    failed |= verdicts.stream().anyMatch(v -> !v.consistent());
    stdout.flush();
    stderr.flush();
    return failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  /** Writes all files or none, through the output folder every command shares. */
  private void write(Map<String, String> files) {
    OutputFolder folder = new OutputFolder(out);
    files.forEach(folder::add);
    folder.commit();
  }
}
