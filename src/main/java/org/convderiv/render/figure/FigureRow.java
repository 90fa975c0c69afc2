package org.convderiv.render.figure;

import java.util.List;
import java.util.Objects;

/**
 * Figures side by side, left to right, centred on one horizontal line. {@code joins.get(i)}
 * stands between part i and part i + 1.
 *
 * @param heading mathematics drawn centred above the whole row, or null
 * @param titleKey message key for a caption under the figure, or null
 */
public record FigureRow(List<Figure> parts, List<Join> joins, Label heading, String titleKey)
    implements Figure {

  public FigureRow {
    parts = List.copyOf(parts);
    joins = List.copyOf(joins);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a figure row (0 parts) must have at least one part");
    }
    if (joins.size() != parts.size() - 1) {
      throw new IllegalArgumentException("joins (" + joins.size() + ") must number one less"
          + " than parts (" + parts.size() + ")");
    }
  }

  public FigureRow withTitleKey(String key) {
    return new FigureRow(parts, joins, heading, key);
  }

  /** What stands between two parts of a row. */
  public record Join(Kind kind, Label label) {
    public enum Kind {
      /** An arrow pointing right with the label above it: a transformation. */
      ARROW,
      /** The label alone, centred: an operator such as {@code =} or the correlation star. */
      OPERATOR,
      /** Empty space, as between the depth slices of a 3-D grid. */
      GAP
    }

    public Join {
      Objects.requireNonNull(kind, "kind");
      if (kind != Kind.GAP) {
        Objects.requireNonNull(label, "label of an " + kind + " join");
      }
    }

    public static Join arrow(Label label) {
      return new Join(Kind.ARROW, label);
    }

    public static Join operator(Label label) {
      return new Join(Kind.OPERATOR, label);
    }

    public static Join gap() {
      return new Join(Kind.GAP, null);
    }
  }
}
