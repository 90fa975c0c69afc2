package org.convderiv.check;

/**
 * A claim that cannot be checked: malformed, an unknown symbol, an index out of range, or an
 * evaluation stopped by its budget. The column is 1-based within the claim's text.
 */
public final class ClaimException extends RuntimeException {
  private final int column;

  public ClaimException(int column, String message) {
    super(message, null, false, false);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
