package org.convderiv.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
  /** Everything derived, every check and claim held. */
  public static final int OK = 0;
  /** The input was fine but a check or a claim failed. */
  public static final int CHECK_FAILED = 1;
  /** Bad input: a one-line error was printed and nothing was written. */
  public static final int BAD_INPUT = 2;
  /** A fault of convderiv itself: one line was printed, and nothing was written. */
  public static final int INTERNAL_ERROR = 3;

  private ExitCodes() {}
}
