package org.convderiv.graph;

/**
 * One summand of the chain rule for a node: the gradient arriving at a consumer gate times that
 * gate's local gradient with respect to the node.
 */
public record ChainTerm(String consumer, double upstream, LocalGradient local) {
  public double value() {
    return upstream * local.value();
  }
}
