package org.convderiv.render.figure;

/**
 * A drawing for a worksheet: one grid, or a row of figures joined by arrows or operators. The
 * same figure renders to TikZ ({@link TikzWriter}) and to SVG ({@link SvgWriter}) from one
 * layout, so the LaTeX and the HTML worksheet show the same picture.
 */
public sealed interface Figure permits GridFigure, FigureRow {

  /** A message key for a caption the template may print under the figure, or null. */
  String titleKey();
}
