package org.convderiv.graph;

/** Malformed graph text; the message is one line and names the 1-based column. */
public final class GraphSyntaxException extends IllegalArgumentException {
  private final int column;

  public GraphSyntaxException(String source, int column, String problem) {
    super("column " + column + " of \"" + source + "\": " + problem);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
