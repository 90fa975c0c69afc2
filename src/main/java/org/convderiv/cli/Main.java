package org.convderiv.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.convderiv.bench.BenchCommand;
import org.convderiv.differentiate.SymjaSession;
import org.convderiv.numeric.EngineUnavailableException;
import org.convderiv.render.PdfException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: parses the command line and hands over to one command. */
@Command(
    name = "convderiv",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Derives, step by step, why the backward pass of a convolution is a convolution.",
    subcommands = {DeriveCommand.class, GraphCommand.class, BenchCommand.class,
        CheckCommand.class, ExerciseCommand.class, ExamplesCommand.class})
public final class Main implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Stack of the thread that runs a command: parsers and evaluators of user formulas recurse
   * once per nesting level or chained operator, and a generous stack turns thousands of levels
   * from a crash into an ordinary run; past it, {@link #oneLineBadInput} reports one line.
   */
  private static final long COMMAND_STACK_BYTES = 512L << 20;

  /** Commands that differentiate a layer with Symja. */
  private static final java.util.Set<String> SYMBOLIC_COMMANDS =
      java.util.Set.of("derive", "exercise", "examples");

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 0 || SYMBOLIC_COMMANDS.contains(args[0])) {
      // Symja's start is the longest single step of a derivation; begin it before even the
      // command line is parsed. It runs on a daemon thread, so a refused input still exits at
      // once.
      SymjaSession.warmUp();
    }
    int[] exit = {ExitCodes.INTERNAL_ERROR};
    Thread command = new Thread(null, () -> {
      try {
        exit[0] = run(args);
      } catch (StackOverflowError e) {
        // Thrown where picocli does not look, such as while printing a result.
        System.err.println("convderiv: the input is nested or chained too deeply to read;"
            + " split it into smaller expressions");
        exit[0] = ExitCodes.BAD_INPUT;
      }
    }, "convderiv", COMMAND_STACK_BYTES);
    command.start();
    command.join();
    System.exit(exit[0]);
  }

  /** Runs without exiting, for tests. */
  public static int run(String... args) {
    return run(null, null, args);
  }

  /** Runs without exiting, printing to the given writers (null: standard out and err). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    if (out != null) {
      cl.setOut(out);
    }
    if (err != null) {
      cl.setErr(err);
    }
    cl.setParameterExceptionHandler(Main::oneLineUsageError);
    cl.setExecutionExceptionHandler(Main::oneLineBadInput);
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    // No subcommand: the default job, deriving the classic 3x3 / 2x2 case into output/.
    return spec.subcommands().get("derive").execute();
  }

  private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println("convderiv: " + e.getMessage()
        + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    return ExitCodes.BAD_INPUT;
  }

  private static int oneLineBadInput(
      Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        || e instanceof EngineUnavailableException || e instanceof PdfException) {
      cl.getErr().println("convderiv: " + abbreviate(e.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    Throwable cause = e instanceof CommandLine.ExecutionException && e.getCause() != null
        ? e.getCause() : e;
    if (cause instanceof StackOverflowError) {
      cl.getErr().println("convderiv: the input is nested or chained too deeply to read"
          + " (thousands of levels); split it into smaller expressions");
      return ExitCodes.BAD_INPUT;
    }
    // Anything else is a fault of ours: one line for the user, the trace on request.
    cl.getErr().println("convderiv: internal error (" + cause
        + "); set CONVDERIV_TRACE=1 to see where, and please report it");
    if (System.getenv("CONVDERIV_TRACE") != null) {
      cause.printStackTrace(cl.getErr());
    }
    return ExitCodes.INTERNAL_ERROR;
  }

  /**
   * Messages quote the input; a quoted input of thousands of characters would bury the rule, so
   * the middle of a long message gives way to an ellipsis, keeping where it starts and the rule
   * at its end.
   */
  static String abbreviate(String message) {
    String m = String.valueOf(message).replaceAll("[\\p{Cntrl}&&[^\t]]", "?");
    return m.length() <= 300 ? m
        : m.substring(0, 150) + " ... " + m.substring(m.length() - 140);
  }

  /** Reads the version Maven wrote into the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"convderiv " + (v == null ? "(development build)" : v)};
    }
  }
}
