package org.convderiv.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code convderiv derive}: placeholder until the pipeline lands. */
@Command(name = "derive", mixinStandardHelpOptions = true,
    description = "Derives the backward pass of a convolution layer into worksheets.")
public final class DeriveCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("derive is being built");
  }
}
