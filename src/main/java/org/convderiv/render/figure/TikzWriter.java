package org.convderiv.render.figure;

import org.convderiv.render.figure.Layout.Arrow;
import org.convderiv.render.figure.Layout.Cell;
import org.convderiv.render.figure.Layout.Frame;
import org.convderiv.render.figure.Layout.Shape;
import org.convderiv.render.figure.Layout.Text;

/**
 * Writes a figure as a {@code tikzpicture} (needs only the tikz package). A cell is
 * 0.8 cm, so a 6x6 grid takes 4.8 cm; a figure wider than {@link #MAX_WIDTH_CM} is scaled down,
 * labels included, to fit the text width of an article page.
 */
public final class TikzWriter {
  static final double CELL_CM = 0.8;
  static final double MAX_WIDTH_CM = 12;

  private TikzWriter() {}

  public static String write(Figure figure) {
    Layout layout = new Layout(figure);
    StringBuilder sb = new StringBuilder();
    sb.append("\\begin{tikzpicture}[x=").append(CELL_CM).append("cm,y=-").append(CELL_CM)
        .append("cm");
    double widthCm = layout.width * CELL_CM;
    if (widthCm > MAX_WIDTH_CM) {
      sb.append(",scale=").append(Numbers.format(Math.floor(MAX_WIDTH_CM / widthCm * 1000) / 1000))
          .append(",every node/.style={transform shape}");
    }
    // Styles keep each cell to two short lines.
    sb.append(",\n  cell/.style={draw=black!70},window/.style={fill=orange!35},")
        .append("zero/.style={fill=black!8},\n")
        .append("  label/.style={font=\\scriptsize},zerolabel/.style={font=\\scriptsize,")
        .append("text=black!55},\n")
        .append("  frame/.style={very thick,draw=orange!75!black}]\n");
    for (Shape shape : layout.shapes) {
      if (shape instanceof Cell c) {
        String style = switch (c.fill()) {
          case PLAIN -> "cell";
          case WINDOW -> "cell,window";
          case ZERO -> "cell,zero";
        };
        sb.append("\\draw[").append(style).append("] ").append(point(c.x(), c.y()))
            .append(" rectangle +(1,1);\n");
        sb.append("\\node[").append(c.zero() ? "zerolabel" : "label").append("] at ")
            .append(point(c.x() + 0.5, c.y() + 0.5)).append(" {").append(math(c.label()))
            .append("};\n");
      } else if (shape instanceof Frame f) {
        sb.append("\\draw[frame] ").append(point(f.x(), f.y()))
            .append(" rectangle +").append(point(f.width(), f.height())).append(";\n");
      } else if (shape instanceof Text t) {
        sb.append("\\node").append(t.large() ? "" : "[label]").append(" at ")
            .append(point(t.x(), t.y())).append(" {").append(math(t.label())).append("};\n");
      } else if (shape instanceof Arrow a) {
        sb.append("\\draw[->,thick] ").append(point(a.x1(), a.y()))
            .append(" -- node[above,label] {").append(math(a.label())).append("} ")
            .append(point(a.x2(), a.y())).append(";\n");
      }
    }
    return sb.append("\\end{tikzpicture}\n").toString();
  }

  private static String point(double x, double y) {
    return "(" + Numbers.format(x) + "," + Numbers.format(y) + ")";
  }

  private static String math(Label label) {
    return "$" + label.latex() + "$";
  }
}
