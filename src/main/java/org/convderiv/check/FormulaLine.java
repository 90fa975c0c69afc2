package org.convderiv.check;

/** One claim's text and where it starts in the input file (1-based line and column). */
public record FormulaLine(int line, int column, String text) {}
