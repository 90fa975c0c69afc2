package org.convderiv.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.convderiv.exercise.ExerciseGenerator;
import org.convderiv.exercise.ExerciseSheet;
import org.convderiv.exercise.ExerciseWriter;
import org.convderiv.render.OutputFolder;
import org.convderiv.render.TemplateEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code convderiv exercise}: randomized, reproducible exercise sheets, the student version and
 * the solutions in separate folders. Thin: it settles the options and hands over to
 * {@link ExerciseGenerator} and {@link ExerciseWriter}.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Writes exercise sheets on the backward pass of a convolution layer: DIR/student/"
            + "exercises.* to hand out, DIR/solutions/solutions.* with the answers, and"
            + " DIR/solutions/answers-N.txt, the answer key of exercise N for 'convderiv check'.",
        "The same seed gives the same files, byte for byte. Without layer options each"
            + " exercise gets its own small random layer."})
public final class ExerciseCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the layers, values and questions. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--count", paramLabel = "K", defaultValue = "3",
      description = "Number of exercises, 1 to " + ExerciseGenerator.MAX_COUNT
          + ". Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "output/exercises",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "tex,md",
      description = "Comma-separated: tex, md. Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin LayerOptions layer;

  @Override
  public Integer call() {
    Set<String> formats = formats(format);
    var exercises = new ExerciseGenerator(seed)
        .generate(count, layer.anyGiven() ? layer.toSpec() : null);
    ExerciseSheet sheet = ExerciseSheet.of(seed, exercises);
    OutputFolder folder = new OutputFolder(out);
    new ExerciseWriter(new TemplateEngine()).add(folder, sheet, formats);
    List<Path> written = folder.commit();
    PrintWriter printer = command.commandLine().getOut();
    written.forEach(printer::println);
    printer.flush();
    boolean holds = exercises.stream().allMatch(e -> e.derivation().holds());
    return holds ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  static Set<String> formats(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String f : text.split(",")) {
      String t = f.trim().toLowerCase(Locale.ROOT);
      if (!ExerciseWriter.FORMATS.contains(t)) {
        throw new IllegalArgumentException("format (" + f.trim() + ") must be one of "
            + String.join(", ", ExerciseWriter.FORMATS));
      }
      out.add(t);
    }
    return out;
  }
}
