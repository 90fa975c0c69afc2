package org.convderiv.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts parsed statements into gates: every operation that depends on a variable becomes one
 * gate, as lecturers draw it. Sub-expressions without variables ({@code 1 + 1}) stay constants
 * inside the gate that uses them. Unnamed intermediate results get the lecture's letters
 * q, r, s, t, u, v, w (then q1, q2, ...), skipping any name the program uses itself.
 */
public final class GraphBuilder {
  private static final List<String> LETTERS = List.of("q", "r", "s", "t", "u", "v", "w");

  private final String source;
  private final Set<String> reserved = new HashSet<>();
  private final Set<String> laterNames = new HashSet<>();
  private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
  private final Set<String> inputs = new LinkedHashSet<>();
  private int generated;

  private GraphBuilder(String source) {
    this.source = source;
  }

  public static ComputationalGraph parse(String source) {
    return build(source, ExpressionParser.parseProgram(source));
  }

  public static ComputationalGraph build(String source, List<Statement> statements) {
    GraphBuilder b = new GraphBuilder(source);
    for (Statement s : statements) {
      s.name().ifPresent(b.laterNames::add);
      collectNames(s.expr(), b.reserved);
    }
    b.reserved.addAll(b.laterNames);
    String output = null;
    for (int i = 0; i < statements.size(); i++) {
      output = b.statement(statements.get(i), i == statements.size() - 1);
    }
    List<GraphNode> ordered = new ArrayList<>();
    b.inputs.forEach(name -> ordered.add(GraphNode.input(name)));
    ordered.addAll(b.nodes.values());
    return new ComputationalGraph(source, ordered, output);
  }

  private String statement(Statement s, boolean last) {
    String name;
    if (s.name().isPresent()) {
      name = s.name().get();
      if (nodes.containsKey(name)) {
        throw error(s, "'" + name + "' is defined twice");
      }
      if (inputs.contains(name)) {
        throw error(s, "'" + name + "' is used before the statement that defines it");
      }
      laterNames.remove(name);
    } else if (last) {
      name = reserved.contains("f") ? freshName() : "f";
    } else {
      throw error(s, "only the last statement may be a bare expression; name it, as in q = ...");
    }
    Operand top = decompose(s.expr(), s, name);
    if (top instanceof Operand.Constant) {
      throw error(s, "'" + name + "' depends on no variable; write the number where it is used");
    }
    if (!nodes.containsKey(name)) {
      throw error(s, "'" + name + " = " + ExprFormat.plain(s.expr())
          + "' applies no operation; use the value directly");
    }
    return name;
  }

  /** What an operand of a gate is: a node of the graph or a constant folded into the gate. */
  private sealed interface Operand {
    record Node(String name) implements Operand {}

    record Constant(Expr expr) implements Operand {}
  }

  private Operand decompose(Expr e, Statement s, String topName) {
    if (e instanceof Expr.Num) {
      return new Operand.Constant(e);
    }
    if (e instanceof Expr.Var v) {
      return variable(v.name(), s);
    }
    List<Expr> children = children(e);
    List<Operand> operands = new ArrayList<>();
    for (Expr child : children) {
      operands.add(decompose(child, s, null));
    }
    List<Expr> rebuilt = new ArrayList<>();
    List<String> gateInputs = new ArrayList<>();
    for (Operand o : operands) {
      if (o instanceof Operand.Node n) {
        rebuilt.add(new Expr.Var(n.name()));
        if (!gateInputs.contains(n.name())) {
          gateInputs.add(n.name());
        }
      } else {
        rebuilt.add(((Operand.Constant) o).expr());
      }
    }
    Expr gateExpr = withChildren(e, rebuilt);
    if (gateInputs.isEmpty()) {
      return new Operand.Constant(gateExpr);
    }
    String name = topName != null ? topName : freshName();
    nodes.put(name, new GraphNode(name,
        Optional.of(new Gate(gateExpr, gateInputs, symbol(gateExpr, false),
            symbol(gateExpr, true))),
        topName == null));
    return new Operand.Node(name);
  }

  private Operand variable(String name, Statement s) {
    if (nodes.containsKey(name)) {
      return new Operand.Node(name);
    }
    if (laterNames.contains(name)) {
      throw error(s, "'" + name + "' is used before the statement that defines it");
    }
    inputs.add(name);
    return new Operand.Node(name);
  }

  private String freshName() {
    while (true) {
      int k = generated++;
      String candidate = k < LETTERS.size() ? LETTERS.get(k)
          : "q" + (k - LETTERS.size() + 1);
      if (!reserved.contains(candidate)) {
        reserved.add(candidate);
        return candidate;
      }
    }
  }

  private static List<Expr> children(Expr e) {
    if (e instanceof Expr.Neg n) {
      return List.of(n.arg());
    }
    if (e instanceof Expr.Binary b) {
      return List.of(b.left(), b.right());
    }
    if (e instanceof Expr.Apply a) {
      return a.args();
    }
    if (e instanceof Expr.Cond c) {
      return List.of(c.left(), c.right(), c.then(), c.otherwise());
    }
    return List.of();
  }

  private static Expr withChildren(Expr e, List<Expr> c) {
    if (e instanceof Expr.Neg) {
      return new Expr.Neg(c.get(0));
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), c.get(0), c.get(1));
    }
    if (e instanceof Expr.Apply a) {
      return new Expr.Apply(a.function(), c);
    }
    if (e instanceof Expr.Cond k) {
      return new Expr.Cond(c.get(0), k.rel(), c.get(1), c.get(2), c.get(3));
    }
    return e;
  }

  private static void collectNames(Expr e, Set<String> into) {
    if (e instanceof Expr.Var v) {
      into.add(v.name());
    }
    children(e).forEach(c -> collectNames(c, into));
  }

  /** The gate's drawn label; a folded constant joins it, as in CS231n's "*-1" and "+1" gates. */
  private static String symbol(Expr gate, boolean latex) {
    if (gate instanceof Expr.Neg) {
      return "-";
    }
    if (gate instanceof Expr.Apply a) {
      if (a.function() == Expr.Function.MAX && a.args().get(1) instanceof Expr.Num n
          && n.value().signum() == 0) {
        return latex ? "\\mathrm{relu}" : "relu";
      }
      return switch (a.function()) {
        case SIGMOID -> latex ? "\\sigma" : "σ";
        default -> latex ? "\\" + a.function().name().toLowerCase(java.util.Locale.ROOT)
            : a.function().name().toLowerCase(java.util.Locale.ROOT);
      };
    }
    if (gate instanceof Expr.Binary b && b.op() == Expr.BinaryOp.POWER && latex) {
      if (!(b.right() instanceof Expr.Var)) {
        return "{\\cdot}^{" + constant(b.right(), true) + "}";
      }
      return b.left() instanceof Expr.Var ? "\\mathrm{pow}"
          : constant(b.left(), true) + "^{\\cdot}";
    }
    if (gate instanceof Expr.Binary b) {
      String op = switch (b.op()) {
        case ADD -> "+";
        case SUBTRACT -> "-";
        case MULTIPLY -> latex ? "\\times" : "×";
        case DIVIDE -> latex ? "\\div" : "÷";
        case POWER -> latex ? "\\wedge" : "^";
      };
      if (!(b.left() instanceof Expr.Var)) {
        return constant(b.left(), latex) + (latex ? "\\," : "") + op;
      }
      if (!(b.right() instanceof Expr.Var)) {
        return op + (latex ? "\\," : "") + constant(b.right(), latex);
      }
      return op;
    }
    return "?";
  }

  private static String constant(Expr c, boolean latex) {
    return latex ? ExprFormat.latex(c) : ExprFormat.plain(c);
  }

  private GraphSyntaxException error(Statement s, String problem) {
    return new GraphSyntaxException(source, s.column(), problem);
  }
}
