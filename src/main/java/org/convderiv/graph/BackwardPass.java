package org.convderiv.graph;

import java.util.List;
import java.util.Map;

/**
 * Everything computed at one point: forward values, every edge's local gradient, every node's
 * gradient with its chain-rule terms, and the finite-difference check of the input gradients.
 */
public record BackwardPass(
    ComputationalGraph graph,
    Map<String, Double> values,
    List<LocalGradient> localGradients,
    List<NodeGradient> gradients,
    List<FiniteDifference> checks) {

  public BackwardPass {
    values = Map.copyOf(values);
    localGradients = List.copyOf(localGradients);
    gradients = List.copyOf(gradients);
    checks = List.copyOf(checks);
  }

  public double value(String node) {
    return values.get(node);
  }

  public NodeGradient gradient(String node) {
    return gradients.stream().filter(g -> g.node().equals(node)).findFirst().orElseThrow();
  }

  public boolean checksAgree() {
    return checks.stream().allMatch(FiniteDifference::agrees);
  }
}
