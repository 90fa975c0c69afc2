package org.convderiv.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convderiv.render.TemplateEngine;

/**
 * Turns a backward pass into the data of the worksheet templates: formulas as LaTeX markup built
 * from our own trees, numbers as text, and the drawing's coordinates. Every sentence of the
 * documents lives in {@code templates/en/graph/}.
 */
public final class GraphWorksheet {
  /** SVG pixels per layout unit, and the margin around the drawing. */
  private static final double PX = 70;
  private static final double MARGIN = 50;
  private static final double GATE_RADIUS = 18;

  private GraphWorksheet() {}

  /** The rendered documents, by file name. */
  public static Map<String, String> render(TemplateEngine templates, BackwardPass pass,
      List<ClaimVerdict> claims) {
    Map<String, Object> model = model(pass, claims);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("worksheet.tex", templates.render("en/graph/worksheet.tex.ftl", model));
    files.put("worksheet.md", templates.render("en/graph/worksheet.md.ftl", model));
    files.put("graph.svg", templates.render("en/graph/graph.svg.ftl", model));
    return files;
  }

  static Map<String, Object> model(BackwardPass pass, List<ClaimVerdict> claims) {
    ComputationalGraph g = pass.graph();
    String out = g.output();
    Map<String, Object> m = new HashMap<>();
    m.put("source", g.source());
    m.put("output", Names.latex(out));
    m.put("outputName", out);

    List<String> point = new ArrayList<>();
    for (GraphNode n : g.inputs()) {
      point.add(Names.latex(n.name()) + " = " + Numbers.format(pass.value(n.name())));
    }
    m.put("point", String.join(",\\quad ", point));

    List<Map<String, Object>> gates = new ArrayList<>();
    for (GraphNode n : g.gates()) {
      Expr e = n.gate().orElseThrow().expression();
      gates.add(Map.of(
          "definition", Names.latex(n.name()) + " = " + ExprFormat.latex(e),
          "evaluated", Names.latex(n.name()) + " = " + ExprFormat.latex(e) + " = "
              + Numbers.format(pass.value(n.name())),
          "generated", n.generatedName()));
    }
    m.put("gates", gates);

    List<String> local = new ArrayList<>();
    for (LocalGradient l : pass.localGradients()) {
      String formula = partial(l.gate(), l.input()) + " = " + ExprFormat.latex(l.expression());
      // A constant local gradient (1 for a sum) needs no second "= 1".
      local.add(l.expression() instanceof Expr.Num ? formula
          : formula + " = " + Numbers.format(l.value()));
    }
    m.put("local", local);

    List<String> backward = new ArrayList<>();
    List<NodeGradient> reversed = new ArrayList<>(pass.gradients());
    java.util.Collections.reverse(reversed);
    for (NodeGradient ng : reversed) {
      backward.add(chainRule(out, ng));
    }
    m.put("backward", backward);

    List<Map<String, Object>> checks = new ArrayList<>();
    for (FiniteDifference fd : pass.checks()) {
      checks.add(Map.of(
          "gradient", partial(out, fd.variable()),
          "variable", Names.latex(fd.variable()),
          "backward", Numbers.format(fd.backward()),
          "numeric", String.format(Locale.ROOT, "%.8g", fd.numeric()),
          "step", String.format(Locale.ROOT, "%.0e", fd.step()),
          "agrees", fd.agrees(),
          "kink", fd.kink()));
    }
    m.put("checks", checks);
    m.put("checksAgree", pass.checksAgree());
    m.put("atol", String.format(Locale.ROOT, "%.0e", FiniteDifference.ATOL));
    m.put("rtol", String.format(Locale.ROOT, "%.0e", FiniteDifference.RTOL));

    List<Map<String, Object>> claimRows = new ArrayList<>();
    for (ClaimVerdict c : claims) {
      claimRows.add(Map.of("text", c.explanation(), "consistent", c.consistent()));
    }
    m.put("claims", claimRows);
    m.put("claimsConsistent", claims.stream().allMatch(ClaimVerdict::consistent));
    drawing(pass, m);
    return m;
  }

  static String partial(String of, String by) {
    return "\\frac{\\partial " + Names.latex(of) + "}{\\partial " + Names.latex(by) + "}";
  }

  /** d out/d n = sum over consumers c of d out/d c * d c/d n, symbolically, then in numbers. */
  private static String chainRule(String out, NodeGradient ng) {
    String lhs = partial(out, ng.node());
    if (ng.node().equals(out)) {
      return lhs + " = 1";
    }
    if (ng.terms().isEmpty()) {
      return lhs + " = 0";
    }
    List<String> symbolic = new ArrayList<>();
    List<String> numeric = new ArrayList<>();
    for (ChainTerm t : ng.terms()) {
      String local = partial(t.consumer(), ng.node());
      if (t.consumer().equals(out)) {
        // d out/d out = 1: the term is the output gate's local gradient itself.
        symbolic.add(ExprFormat.latex(t.local().expression()));
        numeric.add(signed(t.local().value()));
      } else {
        symbolic.add(partial(out, t.consumer()) + " " + local);
        numeric.add(signed(t.upstream()) + " \\cdot " + signed(t.local().value()));
      }
    }
    String result = Numbers.format(ng.value());
    String numbers = String.join(" + ", numeric);
    return lhs + " = " + String.join(" + ", symbolic)
        + (numbers.equals(result) || numbers.equals(signed(ng.value())) ? "" : " = " + numbers)
        + " = " + result;
  }

  private static String signed(double v) {
    return v < 0 ? "\\left(" + Numbers.format(v) + "\\right)" : Numbers.format(v);
  }

  /** Node and edge coordinates for TikZ (cm, y up) and SVG (px, y down). */
  private static void drawing(BackwardPass pass, Map<String, Object> m) {
    ComputationalGraph g = pass.graph();
    List<GraphLayout.Place> places = GraphLayout.of(g);
    double maxX = places.stream().mapToDouble(GraphLayout.Place::x).max().orElse(0);
    double maxY = places.stream().mapToDouble(GraphLayout.Place::y).max().orElse(0);
    double minY = places.stream().mapToDouble(GraphLayout.Place::y).min().orElse(0);
    Map<String, Integer> ids = new HashMap<>();
    Map<String, double[]> svg = new HashMap<>();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (int i = 0; i < places.size(); i++) {
      GraphLayout.Place p = places.get(i);
      GraphNode n = g.node(p.node());
      boolean gate = !p.sink() && !n.isInput();
      String key = p.sink() ? "sink" : p.node();
      ids.put(key, i);
      double sx = MARGIN + p.x() * PX;
      double sy = MARGIN + (maxY - p.y()) * PX;
      svg.put(key, new double[] {sx, sy, gate ? GATE_RADIUS : 12});
      Map<String, Object> node = new HashMap<>();
      node.put("id", i);
      node.put("x", decimal(p.x()));
      node.put("y", decimal(p.y()));
      node.put("sx", decimal(sx));
      node.put("sy", decimal(sy));
      node.put("gate", gate);
      node.put("name", Names.latex(p.node()));
      node.put("nameText", p.node());
      node.put("label", gate ? n.gate().orElseThrow().latexSymbol() : Names.latex(p.node()));
      node.put("labelText", gate ? n.gate().orElseThrow().symbol() : p.node());
      nodes.add(node);
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (LocalGradient l : pass.localGradients()) {
      double upstream = pass.gradient(l.gate()).value();
      edges.add(edge(ids.get(l.input()), ids.get(l.gate()), svg.get(l.input()),
          svg.get(l.gate()), pass.value(l.input()), upstream * l.value()));
    }
    edges.add(edge(ids.get(g.output()), ids.get("sink"), svg.get(g.output()), svg.get("sink"),
        pass.value(g.output()), 1));
    m.put("nodes", nodes);
    m.put("edges", edges);
    m.put("svgWidth", decimal(2 * MARGIN + maxX * PX + 20));
    m.put("svgHeight", decimal(2 * MARGIN + (maxY - minY) * PX));
  }

  private static Map<String, Object> edge(int from, int to, double[] a, double[] b,
      double value, double gradient) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double len = Math.hypot(dx, dy);
    double ux = dx / len;
    double uy = dy / len;
    Map<String, Object> e = new HashMap<>();
    e.put("from", from);
    e.put("to", to);
    e.put("value", Numbers.format(value));
    e.put("gradient", Numbers.format(gradient));
    e.put("x1", decimal(a[0] + ux * a[2]));
    e.put("y1", decimal(a[1] + uy * a[2]));
    e.put("x2", decimal(b[0] - ux * (b[2] + 2)));
    e.put("y2", decimal(b[1] - uy * (b[2] + 2)));
    double mx = (a[0] + b[0]) / 2;
    double my = (a[1] + b[1]) / 2;
    e.put("mx", decimal(mx));
    e.put("valueY", decimal(my - 6));
    e.put("gradientY", decimal(my + 16));
    return e;
  }

  private static String decimal(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
