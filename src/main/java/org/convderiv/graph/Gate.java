package org.convderiv.graph;

import java.util.List;

/**
 * One operation of the graph, e.g. {@code x + y}: its expression refers to its inputs by name and
 * may hold constants ({@code 2 q}), which are part of the gate rather than nodes of their own.
 *
 * @param symbol how the gate is drawn, plain text ({@code +}, {@code ×2}, {@code exp})
 * @param latexSymbol the same in LaTeX math
 */
public record Gate(Expr expression, List<String> inputs, String symbol, String latexSymbol) {
  public Gate {
    inputs = List.copyOf(inputs);
  }
}
