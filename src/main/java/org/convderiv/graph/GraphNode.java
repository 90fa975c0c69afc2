package org.convderiv.graph;

import java.util.Optional;

/**
 * A value of the graph: an input variable (no gate) or the result of a gate. Names the user did
 * not give ({@code q} for the x + y inside {@code (x + y) z}) are marked as generated.
 */
public record GraphNode(String name, Optional<Gate> gate, boolean generatedName) {
  public static GraphNode input(String name) {
    return new GraphNode(name, Optional.empty(), false);
  }

  public boolean isInput() {
    return gate.isEmpty();
  }
}
