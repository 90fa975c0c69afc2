package org.convderiv.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convderiv examples}: regenerates the example documents checked in under
 * {@code output/}, each by the same command a user would type.
 */
@Command(name = "examples", mixinStandardHelpOptions = true,
    description = "Regenerates the example documents of output/: the classic 3x3 / 2x2"
        + " derivation in every format, the classic computational graph, and an exercise"
        + " sheet with its solutions.")
public final class ExamplesCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output",
      description = "Folder of the examples. Default: ${DEFAULT-VALUE}.")
  Path out;

  /** The example runs, as command lines under the output folder. */
  static List<List<String>> runs(Path out) {
    return List.of(
        List.of("derive", "--out", out.toString(), "--format", "tex,md,html,pdf"),
        List.of("graph", "f = (x + y) * z", "--at", "x=-2,y=5,z=-4",
            "--out", out.resolve("graph").toString()),
        List.of("exercise", "--seed", "1", "--out", out.resolve("exercises").toString()));
  }

  @Override
  public Integer call() {
    CommandLine root = command.commandLine().getParent();
    for (List<String> args : runs(out)) {
      CommandLine sub = root.getSubcommands().get(args.get(0));
      int exit = sub.execute(args.subList(1, args.size()).toArray(new String[0]));
      if (exit != ExitCodes.OK) {
        return exit;
      }
    }
    return ExitCodes.OK;
  }
}
