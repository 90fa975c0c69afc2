package org.convderiv.render.figure;

import java.util.ArrayList;
import java.util.List;
import org.convderiv.render.figure.FigureRow.Join;

/**
 * Places a figure on a plane measured in cell widths, y growing downwards, as a flat list of
 * shapes. Both writers draw this list, so TikZ and SVG agree to the cell.
 */
final class Layout {
  /** Height of the band above a grid or row that holds its heading. */
  static final double HEADING = 0.8;
  private static final double ARROW = 1.6;
  private static final double OPERATOR = 0.9;
  private static final double GAP = 0.5;

  enum Fill { PLAIN, WINDOW, ZERO }

  sealed interface Shape permits Cell, Frame, Text, Arrow {}

  /** A unit square at (x, y); {@code zero} draws its label grey. */
  record Cell(double x, double y, Fill fill, Label label, boolean zero) implements Shape {}

  /** The bold outline of a window's bounding box. */
  record Frame(double x, double y, double width, double height) implements Shape {}

  /** A heading or operator, centred at (x, y). */
  record Text(double x, double y, Label label, boolean large) implements Shape {}

  /** A right-pointing arrow from x1 to x2 at height y, label above. */
  record Arrow(double x1, double x2, double y, Label label) implements Shape {}

  final List<Shape> shapes = new ArrayList<>();
  final double width;
  final double height;

  Layout(Figure figure) {
    width = width(figure);
    height = height(figure);
    place(figure, 0, 0);
  }

  private static double width(Figure f) {
    if (f instanceof GridFigure g) {
      return g.cols();
    }
    FigureRow row = (FigureRow) f;
    double w = 0;
    for (Figure part : row.parts()) {
      w += width(part);
    }
    for (Join join : row.joins()) {
      w += joinWidth(join);
    }
    return w;
  }

  private static double height(Figure f) {
    if (f instanceof GridFigure g) {
      return g.rows() + (g.heading() != null ? HEADING : 0);
    }
    FigureRow row = (FigureRow) f;
    return bodyHeight(row) + (row.heading() != null ? HEADING : 0);
  }

  private static double bodyHeight(FigureRow row) {
    double h = 0;
    for (Figure part : row.parts()) {
      h = Math.max(h, height(part));
    }
    return h;
  }

  private static double joinWidth(Join join) {
    return switch (join.kind()) {
      case ARROW -> ARROW;
      case OPERATOR -> OPERATOR;
      case GAP -> GAP;
    };
  }

  private void place(Figure f, double x, double y) {
    if (f instanceof GridFigure g) {
      placeGrid(g, x, y);
      return;
    }
    FigureRow row = (FigureRow) f;
    if (row.heading() != null) {
      shapes.add(new Text(x + width(row) / 2, y + HEADING / 2, row.heading(), true));
      y += HEADING;
    }
    double body = bodyHeight(row);
    double middle = y + body / 2;
    for (int i = 0; i < row.parts().size(); i++) {
      Figure part = row.parts().get(i);
      double h = height(part);
      // Centre the grid body (not its heading) on the row's middle line when the part has room.
      double top = part instanceof GridFigure g && g.heading() != null
          ? middle - g.rows() / 2.0 - HEADING : middle - h / 2;
      top = Math.max(y, Math.min(top, y + body - h));
      place(part, x, top);
      x += width(part);
      if (i < row.joins().size()) {
        Join join = row.joins().get(i);
        double w = joinWidth(join);
        switch (join.kind()) {
          case ARROW -> shapes.add(new Arrow(x + 0.15, x + w - 0.15, middle, join.label()));
          case OPERATOR -> shapes.add(new Text(x + w / 2, middle, join.label(), true));
          case GAP -> { }
        }
        x += w;
      }
    }
  }

  private void placeGrid(GridFigure g, double x, double y) {
    if (g.heading() != null) {
      shapes.add(new Text(x + g.cols() / 2.0, y + HEADING / 2, g.heading(), true));
      y += HEADING;
    }
    int minRow = Integer.MAX_VALUE;
    int minCol = Integer.MAX_VALUE;
    int maxRow = -1;
    int maxCol = -1;
    for (int r = 0; r < g.rows(); r++) {
      for (int c = 0; c < g.cols(); c++) {
        int cell = r * g.cols() + c;
        boolean window = g.highlighted().contains(cell);
        boolean zero = g.zeros().contains(cell);
        Fill fill = window ? Fill.WINDOW : zero ? Fill.ZERO : Fill.PLAIN;
        shapes.add(new Cell(x + c, y + r, fill, g.cells().get(cell), zero));
        if (window) {
          minRow = Math.min(minRow, r);
          minCol = Math.min(minCol, c);
          maxRow = Math.max(maxRow, r);
          maxCol = Math.max(maxCol, c);
        }
      }
    }
    if (maxRow >= 0) {
      shapes.add(new Frame(x + minCol, y + minRow, maxCol - minCol + 1, maxRow - minRow + 1));
    }
  }
}
