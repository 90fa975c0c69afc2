package org.convderiv.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Forward pass, local gradients with Symja, backward pass by the chain rule, and the
 * finite-difference check, for one graph at one point.
 */
public final class Backpropagation {
  private final ComputationalGraph graph;
  private final List<LocalGradient> symbolic;

  /** Differentiates every gate once; the result serves any number of points. */
  public Backpropagation(ComputationalGraph graph) {
    this.graph = graph;
    SymjaBridge symja = SymjaBridge.instance();
    List<LocalGradient> edges = new ArrayList<>();
    for (GraphNode n : graph.gates()) {
      Gate g = n.gate().orElseThrow();
      for (String input : g.inputs()) {
        edges.add(new LocalGradient(n.name(), input, symja.derivative(g.expression(), input),
            Double.NaN));
      }
    }
    this.symbolic = List.copyOf(edges);
  }

  public ComputationalGraph graph() {
    return graph;
  }

  /** Runs everything at {@code point}, which must bind every input variable and nothing else. */
  public BackwardPass run(Map<String, Double> point) {
    checkPoint(point);
    Map<String, Double> values = forward(point, true);
    List<LocalGradient> local = localGradients(values, true);
    List<NodeGradient> gradients = backward(local, Map.of());
    List<FiniteDifference> checks = new ArrayList<>();
    for (GraphNode input : graph.inputs()) {
      String v = input.name();
      double x = point.get(v);
      double h = 1e-6 * Math.max(1, Math.abs(x));
      double up = output(point, v, x + h);
      double mid = output(point, v, x);
      double down = output(point, v, x - h);
      double backward = gradients.stream().filter(g -> g.node().equals(v)).findFirst()
          .orElseThrow().value();
      checks.add(FiniteDifference.of(v, backward, down, mid, up, h));
    }
    return new BackwardPass(graph, values, local, gradients, checks);
  }

  private void checkPoint(Map<String, Double> point) {
    List<String> names = graph.inputs().stream().map(GraphNode::name).toList();
    for (String name : names) {
      if (!point.containsKey(name)) {
        throw new IllegalArgumentException("no value for " + name
            + " (the point must give every variable: " + String.join(", ", names) + ")");
      }
    }
    for (String name : point.keySet()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException(name + "=" + Numbers.format(point.get(name))
            + " is given but " + name + " is not a variable of the graph (variables: "
            + String.join(", ", names) + ")");
      }
    }
  }

  private double output(Map<String, Double> point, String variable, double value) {
    Map<String, Double> moved = new LinkedHashMap<>(point);
    moved.put(variable, value);
    return forward(moved, false).get(graph.output());
  }

  /**
   * Every node's value. With {@code strict}, a NaN or infinite value (log of a negative
   * number, division by zero) is an error naming the gate; the finite-difference probes are not
   * strict, so that a check near a singularity fails as a check rather than as bad input.
   */
  Map<String, Double> forward(Map<String, Double> point, boolean strict) {
    return forwardWith(point, Map.of(), strict);
  }

  /** Forward pass where {@code fixed} nodes take the given values instead of their gate's. */
  Map<String, Double> forwardWith(Map<String, Double> point, Map<String, Double> fixed,
      boolean strict) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (GraphNode n : graph.nodes()) {
      if (n.isInput()) {
        values.put(n.name(), point.get(n.name()));
        continue;
      }
      Gate g = n.gate().orElseThrow();
      double v = Evaluation.value(g.expression(), values);
      if (strict && !Double.isFinite(v)) {
        throw new IllegalArgumentException("forward pass: " + n.name() + " = "
            + ExprFormat.plain(g.expression()) + " is " + Numbers.format(v) + " at "
            + describe(g.inputs(), values) + " (outside the operation's domain)");
      }
      values.put(n.name(), fixed.getOrDefault(n.name(), v));
    }
    return values;
  }

  List<LocalGradient> localGradients(Map<String, Double> values, boolean strict) {
    List<LocalGradient> out = new ArrayList<>();
    for (LocalGradient s : symbolic) {
      double v = Evaluation.value(s.expression(), values);
      if (strict && !Double.isFinite(v)) {
        throw new IllegalArgumentException("local gradient d" + s.gate() + "/d" + s.input()
            + " = " + ExprFormat.plain(s.expression()) + " is " + Numbers.format(v) + " at "
            + describe(graph.node(s.gate()).gate().orElseThrow().inputs(), values));
      }
      out.add(new LocalGradient(s.gate(), s.input(), s.expression(), v));
    }
    return out;
  }

  /**
   * The chain rule in reverse topological order, so that every consumer's gradient is final
   * before it is used. {@code fixed} gradients replace computed ones (for checking claims).
   */
  List<NodeGradient> backward(List<LocalGradient> local, Map<String, Double> fixed) {
    Map<String, Double> grad = new LinkedHashMap<>();
    List<NodeGradient> out = new ArrayList<>();
    List<GraphNode> nodes = graph.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      String name = nodes.get(i).name();
      List<ChainTerm> terms = new ArrayList<>();
      double sum;
      if (name.equals(graph.output())) {
        sum = 1;
      } else {
        for (LocalGradient l : local) {
          if (l.input().equals(name) && grad.containsKey(l.gate())) {
            terms.add(new ChainTerm(l.gate(), grad.get(l.gate()), l));
          }
        }
        sum = terms.stream().mapToDouble(ChainTerm::value).sum();
      }
      out.add(0, new NodeGradient(name, terms, sum));
      grad.put(name, fixed.getOrDefault(name, sum));
    }
    return out;
  }

  static String describe(List<String> names, Map<String, Double> values) {
    return names.stream().map(n -> n + " = " + Numbers.format(values.get(n)))
        .collect(Collectors.joining(", "));
  }
}
