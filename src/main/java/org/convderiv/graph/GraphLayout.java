package org.convderiv.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Left-to-right layered layout: inputs in column 0, every gate one column right of its
 * rightmost input, the output's name one column further. Within a column, gates sit in the order
 * of their inputs' mean height (one barycentre pass), which untangles the usual lecture graphs.
 */
public final class GraphLayout {
  /** Column and row distances, in the drawing's unit (cm for TikZ). */
  static final double COLUMN = 3.0;
  static final double ROW = 1.8;

  /** A placed node; {@code sink} is the output's name at the right end of the last edge. */
  public record Place(String node, int column, double x, double y, boolean sink) {}

  private GraphLayout() {}

  public static List<Place> of(ComputationalGraph graph) {
    Map<String, Integer> column = new HashMap<>();
    for (GraphNode n : graph.nodes()) {
      int c = n.gate().map(g -> 1 + g.inputs().stream().mapToInt(column::get).max().orElse(0))
          .orElse(0);
      column.put(n.name(), c);
    }
    int last = column.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Map<String, Double> height = new HashMap<>();
    List<Place> places = new ArrayList<>();
    for (int c = 0; c <= last; c++) {
      final int col = c;
      List<GraphNode> here = new ArrayList<>(
          graph.nodes().stream().filter(n -> column.get(n.name()) == col).toList());
      if (c > 0) {
        Comparator<GraphNode> byInputs = Comparator.comparingDouble((GraphNode n) -> n.gate()
            .orElseThrow().inputs().stream().mapToDouble(height::get).average().orElse(0));
        here.sort(byInputs.reversed());
      }
      for (int row = 0; row < here.size(); row++) {
        double y = ((here.size() - 1) / 2.0 - row) * ROW;
        height.put(here.get(row).name(), y);
        places.add(new Place(here.get(row).name(), c, c * COLUMN, y, false));
      }
    }
    String out = graph.output();
    places.add(new Place(out, last + 1, (last + 1) * COLUMN - COLUMN / 3, height.get(out), true));
    return places;
  }
}
