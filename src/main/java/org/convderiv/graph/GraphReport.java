package org.convderiv.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/** {@code report.json}: every node with its expression, value and gradient, and the checks. */
public record GraphReport(
    String graph,
    String output,
    Map<String, Double> point,
    List<Node> nodes,
    List<Edge> localGradients,
    List<Check> finiteDifferences,
    List<ClaimVerdict> claims) {

  /** A node; {@code expression} is its gate over its inputs' names, or the name of an input. */
  public record Node(String name, String kind, String expression, List<String> inputs,
      double value, double gradient) {}

  public record Edge(String gate, String input, String expression, double value) {}

  public record Check(String variable, double backward, double finiteDifference, double step,
      boolean agrees) {}

  public static GraphReport of(BackwardPass pass, Map<String, Double> point,
      List<ClaimVerdict> claims) {
    ComputationalGraph g = pass.graph();
    List<Node> nodes = g.nodes().stream().map(n -> new Node(n.name(),
        n.isInput() ? "input" : "gate",
        n.gate().map(gate -> ExprFormat.plain(gate.expression())).orElse(n.name()),
        n.gate().map(Gate::inputs).orElse(List.of()),
        pass.value(n.name()), pass.gradient(n.name()).value())).toList();
    List<Edge> edges = pass.localGradients().stream().map(l -> new Edge(l.gate(), l.input(),
        ExprFormat.plain(l.expression()), l.value())).toList();
    List<Check> checks = pass.checks().stream().map(c -> new Check(c.variable(), c.backward(),
        c.numeric(), c.step(), c.agrees())).toList();
    return new GraphReport(g.source(), g.output(), point, nodes, edges, checks, claims);
  }

  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report.json: " + e.getMessage(), e);
    }
  }
}
