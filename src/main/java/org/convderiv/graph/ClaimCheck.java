package org.convderiv.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks hand-written values of a graph against each other, as in a lecture note that prints
 * {@code z = 4} next to {@code f = -12}. Each claimed value is recomputed from the nearest
 * claimed values upstream (unclaimed intermediates are recomputed, then used), so a slip is
 * reported where it happens rather than everywhere downstream of it.
 *
 * <p>Claims name nodes ({@code q=3}) or gradients of the output ({@code df/dq=-4}). Every input
 * variable must be claimed: inputs are the given data. Values agree within
 * {@code 1e-6 + 1e-4 |recomputed|}, so that printed roundings like 0.7311 for sigmoid(1) pass.
 */
public final class ClaimCheck {
  static final double ATOL = 1e-6;
  static final double RTOL = 1e-4;

  private ClaimCheck() {}

  /** The input variables' values, taken from claims that {@link #check} will accept. */
  public static Map<String, Double> point(ComputationalGraph graph, Map<String, Double> claims) {
    Map<String, Double> point = new LinkedHashMap<>();
    for (GraphNode input : graph.inputs()) {
      Double v = claims.get(input.name());
      if (v == null) {
        throw new IllegalArgumentException("claims must give every input variable ("
            + names(graph.inputs()) + "); " + input.name() + " is missing");
      }
      point.put(input.name(), v);
    }
    for (String key : claims.keySet()) {
      if (!graph.has(key) && gradientOf(graph, key) == null) {
        throw new IllegalArgumentException("claim " + key + "=" + Numbers.format(claims.get(key))
            + " names nothing in the graph (claim a node such as " + graph.output()
            + " or a gradient such as d" + graph.output() + "/d"
            + graph.inputs().get(0).name() + ")");
      }
    }
    return point;
  }

  public static List<ClaimVerdict> check(Backpropagation bp, Map<String, Double> claims) {
    ComputationalGraph graph = bp.graph();
    Map<String, Double> point = point(graph, claims);
    Map<String, Double> claimedValues = new LinkedHashMap<>();
    Map<String, Double> claimedGradients = new LinkedHashMap<>();
    claims.forEach((key, v) -> {
      String node = gradientOf(graph, key);
      if (node != null) {
        claimedGradients.put(node, v);
      } else if (!graph.node(key).isInput()) {
        claimedValues.put(key, v);
      }
    });

    // The world as the claims describe it: claimed values replace computed ones downstream.
    Map<String, Double> world = bp.forwardWith(point, claimedValues, false);
    List<ClaimVerdict> verdicts = new ArrayList<>();
    for (GraphNode n : graph.gates()) {
      Double claimed = claimedValues.get(n.name());
      if (claimed == null) {
        continue;
      }
      Expr inlined = inline(graph, n.gate().orElseThrow().expression(), claims.keySet());
      double value = Evaluation.value(inlined, world);
      Set<String> used = new LinkedHashSet<>();
      collectVars(inlined, used);
      String why = n.name() + " = " + Numbers.format(claimed)
          + (agree(claimed, value) ? " agrees with " : " is inconsistent with ")
          + Backpropagation.describe(List.copyOf(used), world) + ": "
          + ExprFormat.plain(inlined) + " = " + Numbers.format(value);
      verdicts.add(new ClaimVerdict(n.name(), claimed, value, agree(claimed, value), why));
    }

    List<LocalGradient> local = bp.localGradients(world, false);
    List<NodeGradient> gradients = bp.backward(local, claimedGradients);
    for (NodeGradient g : gradients) {
      Double claimed = claimedGradients.get(g.node());
      if (claimed == null) {
        continue;
      }
      verdicts.add(gradientVerdict(graph, g, claimed, claimedGradients, world));
    }
    return verdicts;
  }

  private static ClaimVerdict gradientVerdict(ComputationalGraph graph, NodeGradient g,
      double claimed, Map<String, Double> claimedGradients, Map<String, Double> world) {
    String out = graph.output();
    String key = "d" + out + "/d" + g.node();
    if (g.node().equals(out)) {
      boolean ok = agree(claimed, 1);
      return new ClaimVerdict(key, claimed, 1, ok, key + " = " + Numbers.format(claimed)
          + (ok ? " agrees: " : " is inconsistent: ") + key + " = 1 by definition");
    }
    Set<String> used = new LinkedHashSet<>();
    List<String> formula = new ArrayList<>();
    for (ChainTerm t : g.terms()) {
      collectVars(t.local().expression(), used);
      String local = ExprFormat.plain(t.local().expression());
      if (t.consumer().equals(out)) {
        formula.add(local);
      } else {
        String upstream = "d" + out + "/d" + t.consumer();
        formula.add(upstream + "*(" + local + ")");
      }
    }
    List<String> deps = new ArrayList<>();
    if (!used.isEmpty()) {
      deps.add(Backpropagation.describe(List.copyOf(used), world));
    }
    for (ChainTerm t : g.terms()) {
      if (!t.consumer().equals(out)) {
        deps.add("d" + out + "/d" + t.consumer() + " = " + Numbers.format(t.upstream())
            + (claimedGradients.containsKey(t.consumer()) ? "" : " (recomputed)"));
      }
    }
    boolean ok = agree(claimed, g.value());
    String rule = formula.isEmpty() ? "0 (" + out + " does not depend on " + g.node() + ")"
        : String.join(" + ", formula);
    String why = key + " = " + Numbers.format(claimed)
        + (ok ? " agrees with " : " is inconsistent with ")
        + (deps.isEmpty() ? "the graph" : String.join(", ", deps)) + ": " + key + " = " + rule
        + " = " + Numbers.format(g.value());
    return new ClaimVerdict(key, claimed, g.value(), ok, why);
  }

  /** The node a claim {@code d<output>/d<node>} is about, or null for any other key. */
  static String gradientOf(ComputationalGraph graph, String key) {
    String prefix = "d" + graph.output() + "/d";
    if (key.startsWith(prefix) && graph.has(key.substring(prefix.length()))) {
      return key.substring(prefix.length());
    }
    return null;
  }

  /** Replaces unclaimed intermediate nodes by their gates, down to claimed values or inputs. */
  private static Expr inline(ComputationalGraph graph, Expr e, Set<String> claimed) {
    if (e instanceof Expr.Var v) {
      GraphNode n = graph.node(v.name());
      if (n.isInput() || claimed.contains(v.name())) {
        return e;
      }
      return inline(graph, n.gate().orElseThrow().expression(), claimed);
    }
    if (e instanceof Expr.Neg n) {
      return new Expr.Neg(inline(graph, n.arg(), claimed));
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), inline(graph, b.left(), claimed),
          inline(graph, b.right(), claimed));
    }
    if (e instanceof Expr.Apply a) {
      return new Expr.Apply(a.function(),
          a.args().stream().map(x -> inline(graph, x, claimed)).toList());
    }
    return e;
  }

  private static void collectVars(Expr e, Set<String> into) {
    if (e instanceof Expr.Var v) {
      into.add(v.name());
    } else if (e instanceof Expr.Neg n) {
      collectVars(n.arg(), into);
    } else if (e instanceof Expr.Binary b) {
      collectVars(b.left(), into);
      collectVars(b.right(), into);
    } else if (e instanceof Expr.Apply a) {
      a.args().forEach(x -> collectVars(x, into));
    } else if (e instanceof Expr.Cond c) {
      collectVars(c.left(), into);
      collectVars(c.right(), into);
      collectVars(c.then(), into);
      collectVars(c.otherwise(), into);
    }
  }

  private static boolean agree(double claimed, double value) {
    return Math.abs(claimed - value) <= ATOL + RTOL * Math.abs(value);
  }

  private static String names(List<GraphNode> nodes) {
    return String.join(", ", nodes.stream().map(GraphNode::name).toList());
  }
}
