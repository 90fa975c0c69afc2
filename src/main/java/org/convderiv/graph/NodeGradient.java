package org.convderiv.graph;

import java.util.List;

/**
 * d output / d node: the sum over every gate reading the node (fan-out adds). The output's own
 * gradient is 1 with no terms; a node the output does not depend on has 0 with no terms.
 */
public record NodeGradient(String node, List<ChainTerm> terms, double value) {
  public NodeGradient {
    terms = List.copyOf(terms);
  }
}
