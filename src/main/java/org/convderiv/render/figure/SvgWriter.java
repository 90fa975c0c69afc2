package org.convderiv.render.figure;

import org.convderiv.render.figure.Layout.Arrow;
import org.convderiv.render.figure.Layout.Cell;
import org.convderiv.render.figure.Layout.Frame;
import org.convderiv.render.figure.Layout.Shape;
import org.convderiv.render.figure.Layout.Text;

/**
 * Writes a figure as one standalone {@code <svg>} element: no external fonts, no ids (several
 * figures can share a page), no blank lines (Markdown keeps the element as one HTML block), and
 * the same text for the same figure on every run.
 */
public final class SvgWriter {
  private static final double UNIT = 44;
  private static final double MARGIN = 4;
  private static final String WINDOW_FILL = "#ffd2a6";
  private static final String ZERO_FILL = "#ebebeb";
  private static final String FRAME = "#bf5f00";

  private SvgWriter() {}

  public static String write(Figure figure) {
    Layout layout = new Layout(figure);
    String w = px(layout.width * UNIT + 2 * MARGIN);
    String h = px(layout.height * UNIT + 2 * MARGIN);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"convderiv-figure\" width=\"")
        .append(w).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ").append(w)
        .append(' ').append(h).append("\" font-family=\"serif\" font-size=\"13\">\n");
    for (Shape shape : layout.shapes) {
      if (shape instanceof Cell c) {
        String fill = switch (c.fill()) {
          case PLAIN -> "#ffffff";
          case WINDOW -> WINDOW_FILL;
          case ZERO -> ZERO_FILL;
        };
        sb.append("<rect x=\"").append(x(c.x())).append("\" y=\"").append(x(c.y()))
            .append("\" width=\"").append(px(UNIT)).append("\" height=\"").append(px(UNIT))
            .append("\" fill=\"").append(fill).append("\" stroke=\"#4d4d4d\"/>\n");
        text(sb, c.x() + 0.5, c.y() + 0.5, c.label(), c.zero() ? "#737373" : null, 13);
      } else if (shape instanceof Frame f) {
        sb.append("<rect x=\"").append(x(f.x())).append("\" y=\"")
            .append(x(f.y())).append("\" width=\"").append(px(f.width() * UNIT))
            .append("\" height=\"").append(px(f.height() * UNIT)).append("\" fill=\"none\"")
            .append(" stroke=\"").append(FRAME).append("\" stroke-width=\"3\"/>\n");
      } else if (shape instanceof Text t) {
        text(sb, t.x(), t.y(), t.label(), null, t.large() ? 16 : 13);
      } else if (shape instanceof Arrow a) {
        String y = x(a.y());
        double tip = a.x2() * UNIT + MARGIN;
        sb.append("<line x1=\"").append(x(a.x1())).append("\" y1=\"").append(y)
            .append("\" x2=\"").append(px(tip - 6)).append("\" y2=\"").append(y)
            .append("\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n");
        double mid = a.y() * UNIT + MARGIN;
        sb.append("<path d=\"M ").append(px(tip)).append(' ').append(px(mid)).append(" L ")
            .append(px(tip - 8)).append(' ').append(px(mid - 4)).append(" L ")
            .append(px(tip - 8)).append(' ').append(px(mid + 4)).append(" Z\"/>\n");
        text(sb, (a.x1() + a.x2()) / 2, a.y() - 0.3, a.label(), null, 13);
      }
    }
    return sb.append("</svg>\n").toString();
  }

  /** A label centred at (x, y) in cell units; {@code _{...}} becomes a lowered, smaller tspan. */
  private static void text(StringBuilder sb, double cx, double cy, Label label, String colour,
      int size) {
    sb.append("<text x=\"").append(x(cx)).append("\" y=\"").append(x(cy))
        .append("\" text-anchor=\"middle\" dominant-baseline=\"central\"");
    if (size != 13) {
      sb.append(" font-size=\"").append(size).append('"');
    }
    if (colour != null) {
      sb.append(" fill=\"").append(colour).append('"');
    }
    sb.append('>');
    String plain = label.plain();
    int i = 0;
    while (i < plain.length()) {
      int sub = plain.indexOf("_{", i);
      if (sub < 0) {
        sb.append(escape(plain.substring(i)));
        break;
      }
      int close = plain.indexOf('}', sub);
      if (close < 0) {
        throw new IllegalArgumentException("label (" + plain + ") must close each _{ with }");
      }
      sb.append(escape(plain.substring(i, sub)));
      sb.append("<tspan baseline-shift=\"sub\" font-size=\"").append(size * 7 / 10).append("\">")
          .append(escape(plain.substring(sub + 2, close))).append("</tspan>");
      i = close + 1;
    }
    sb.append("</text>\n");
  }

  private static String x(double units) {
    return px(units * UNIT + MARGIN);
  }

  private static String px(double value) {
    return Numbers.format(value);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
