package org.convderiv.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A scalar computational graph: nodes in topological order (every gate after its inputs), inputs
 * first, and the one output whose gradient the backward pass computes.
 */
public record ComputationalGraph(String source, List<GraphNode> nodes, String output) {
  public ComputationalGraph {
    nodes = List.copyOf(nodes);
  }

  public GraphNode node(String name) {
    return byName().get(name);
  }

  public boolean has(String name) {
    return byName().containsKey(name);
  }

  public List<GraphNode> inputs() {
    return nodes.stream().filter(GraphNode::isInput).toList();
  }

  public List<GraphNode> gates() {
    return nodes.stream().filter(n -> !n.isInput()).toList();
  }

  /** Gates that read {@code name}, in topological order: where its gradient comes from. */
  public List<GraphNode> consumers(String name) {
    return gates().stream().filter(g -> g.gate().orElseThrow().inputs().contains(name)).toList();
  }

  private Map<String, GraphNode> byName() {
    return nodes.stream().collect(Collectors.toMap(GraphNode::name, Function.identity()));
  }
}
