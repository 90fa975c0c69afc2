package org.convderiv.check;

import java.util.List;

/**
 * One claim's text and where it starts in the input file (1-based line and column). A claim
 * joined from several rows or lines keeps, in {@code spans}, where each piece of its text came
 * from, so a problem is reported where the user wrote it.
 */
public record FormulaLine(int line, int column, String text, List<Span> spans) {

  /** Text from 0-based index {@code from} on was written at {@code line}:{@code column} on. */
  public record Span(int from, int line, int column) {}

  public FormulaLine {
    spans = List.copyOf(spans);
    if (spans.isEmpty() || spans.get(0).from() != 0) {
      throw new IllegalArgumentException("spans (" + spans + ") must start at index 0");
    }
  }

  /** A claim written in one piece. */
  public FormulaLine(int line, int column, String text) {
    this(line, column, text, List.of(new Span(0, line, column)));
  }

  /** The input line of 1-based column {@code at} of the text (past the end: its last line). */
  public int lineAt(int at) {
    return spanOf(at).line();
  }

  /** The input column of 1-based column {@code at} of the text. */
  public int columnAt(int at) {
    Span s = spanOf(at);
    return s.column() + (at - 1 - s.from());
  }

  private Span spanOf(int at) {
    Span found = spans.get(0);
    for (Span s : spans) {
      if (s.from() <= at - 1) {
        found = s;
      }
    }
    return found;
  }
}
