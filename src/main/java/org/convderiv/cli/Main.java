package org.convderiv.cli;

import org.convderiv.bench.BenchCommand;
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
        CheckCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs without exiting, for tests. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(Main::oneLineUsageError);
    cl.setExecutionExceptionHandler(Main::oneLineBadInput);
    return cl.execute(args);
  }

  @Override
  public void run() {
    // No subcommand: the default job, deriving the classic 3x3 / 2x2 case into output/.
    new CommandLine(new DeriveCommand()).execute();
  }

  private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println("convderiv: " + e.getMessage()
        + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    return ExitCodes.BAD_INPUT;
  }

  private static int oneLineBadInput(
      Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        || e instanceof EngineUnavailableException || e instanceof PdfException) {
      cl.getErr().println("convderiv: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    throw e;
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
