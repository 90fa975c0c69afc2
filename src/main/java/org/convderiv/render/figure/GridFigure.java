package org.convderiv.render.figure;

import java.util.List;
import java.util.Set;

/**
 * A rows x cols grid of labelled cells, cells numbered row-major from 0. Highlighted cells are
 * the window a filter covers (filled in colour, framed by their bounding box, which is the
 * receptive field when the window is dilated); zero cells are padding or inserted zeros, drawn
 * grey. A cell may be both: the window then reaches into the border.
 *
 * @param heading mathematics drawn above the grid ({@code F}, {@code rot_{180}(F)}), or null
 * @param titleKey message key for a caption under the figure, or null
 */
public record GridFigure(int rows, int cols, List<Label> cells, Set<Integer> highlighted,
    Set<Integer> zeros, Label heading, String titleKey) implements Figure {

  public GridFigure {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "grid size (" + rows + "x" + cols + ") must be at least 1x1");
    }
    if (cells.size() != rows * cols) {
      throw new IllegalArgumentException("cell labels (" + cells.size() + ") must number rows x"
          + " cols = " + rows * cols);
    }
    cells = List.copyOf(cells);
    highlighted = Set.copyOf(highlighted);
    zeros = Set.copyOf(zeros);
    for (Set<Integer> set : List.of(highlighted, zeros)) {
      for (int cell : set) {
        if (cell < 0 || cell >= rows * cols) {
          throw new IllegalArgumentException("marked cell (" + cell + ") must lie in the "
              + rows + "x" + cols + " grid, 0 to " + (rows * cols - 1));
        }
      }
    }
  }

  public GridFigure withHighlighted(Set<Integer> cellsInWindow) {
    return new GridFigure(rows, cols, cells, cellsInWindow, zeros, heading, titleKey);
  }

  public GridFigure withHeading(Label newHeading) {
    return new GridFigure(rows, cols, cells, highlighted, zeros, newHeading, titleKey);
  }

  public GridFigure withTitleKey(String key) {
    return new GridFigure(rows, cols, cells, highlighted, zeros, heading, key);
  }
}
