package org.convderiv.render.figure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convderiv.layer.Dims;
import org.convderiv.recognize.SymTensor;
import org.convderiv.render.figure.FigureRow.Join;
import org.convderiv.term.Polynomial;

/**
 * Builds the worksheet figures from the grids of a recognized convolution
 * ({@link org.convderiv.recognize.ConvolutionForm.Operand}). Rank 1 grids are one row, rank 2
 * grids rows x columns, rank 3 grids their depth slices side by side. Zero entries, the padding
 * and the zeros a dilation inserts, are drawn grey. Captions are left to the templates: each
 * figure carries the message key of its kind.
 */
public final class Figures {
  public static final String GRID = "figure.grid";
  public static final String WINDOW = "figure.window";
  public static final String ROTATION = "figure.rotation";
  public static final String SLIDING = "figure.sliding";
  public static final String DILATION = "figure.dilation";

  /** The flip arrows of the rotation, by axes counted from the last: columns, rows, depth. */
  private static final List<Label> FLIPS = List.of(
      new Label("\\leftrightarrow", "\u2194"),
      new Label("\\updownarrow", "\u2195"),
      new Label("\\rightleftharpoons", "\u21cc"));
  private static final Label STAR = new Label("\\star", "\u22c6");
  private static final Label EQUALS = Label.of("=");

  private Figures() {}

  /** The grid alone, zero entries grey. */
  public static Figure grid(SymTensor grid, CellLabels labels, Label heading) {
    return draw(grid, Set.of(), labels, heading, GRID);
  }

  /**
   * The grid with the window that produces output element {@code outputIndex} highlighted: the
   * cells {@code stride * outputIndex + dilation * u} for every u in the kernel box. The grid is
   * the (padded) input the forward pass reads.
   */
  public static Figure window(SymTensor grid, Dims outputIndex, Dims kernel, Dims stride,
      Dims dilation, CellLabels labels, Label heading) {
    int r = grid.rank();
    int[] origin = new int[r];
    for (int a = 0; a < r; a++) {
      origin[a] = stride.get(a) * outputIndex.get(a);
    }
    return draw(grid, windowCells(grid.shape(), Dims.of(origin), kernel, dilation), labels,
        heading, WINDOW);
  }

  /** One copy of the grid per output element, each with that element's window highlighted. */
  public static Figure windows(SymTensor grid, List<Dims> outputIndices, List<Label> headings,
      Dims kernel, Dims stride, Dims dilation, CellLabels labels) {
    if (headings.size() != outputIndices.size()) {
      throw new IllegalArgumentException("window headings (" + headings.size()
          + ") must number the output elements (" + outputIndices.size() + ")");
    }
    List<Figure> parts = new ArrayList<>();
    for (int i = 0; i < outputIndices.size(); i++) {
      parts.add(window(grid, outputIndices.get(i), kernel, stride, dilation, labels,
          headings.get(i)));
    }
    return new FigureRow(parts, gaps(parts.size()), null, WINDOW);
  }

  /**
   * The 180-degree rotation as successive flips, one arrow per axis: for a 2-D filter
   * F, its vertical flip, then the horizontal flip of that, which is rot180(F).
   */
  public static Figure rotation(SymTensor filter, CellLabels labels, Label name) {
    List<Figure> parts = new ArrayList<>();
    List<Join> joins = new ArrayList<>();
    parts.add(grid(filter, labels, name));
    SymTensor t = filter;
    for (int a = 0; a < filter.rank(); a++) {
      t = t.flip(a);
      boolean last = a == filter.rank() - 1;
      Label heading = last ? new Label("\\mathrm{rot}_{180}(" + name.latex() + ")",
          "rot_{180}(" + name.plain() + ")") : null;
      joins.add(Join.arrow(FLIPS.get(filter.rank() - 1 - a)));
      parts.add(grid(t, labels, heading));
    }
    return new FigureRow(parts, joins, null, ROTATION);
  }

  /**
   * One step of the full convolution: {@code kernel} (the rotated, possibly dilated filter)
   * over {@code padded} (dL/dO, dilated and with its zero border) at window origin
   * {@code position}, and, when {@code result} is given, the element it produces highlighted.
   */
  public static Figure sliding(SymTensor kernel, Label kernelName, SymTensor padded,
      Label paddedName, Dims position, SymTensor result, Label resultName, Dims resultCell,
      CellLabels labels) {
    Dims ones = Dims.filled(padded.rank(), 1);
    List<Figure> parts = new ArrayList<>();
    List<Join> joins = new ArrayList<>();
    parts.add(grid(kernel, labels, kernelName));
    joins.add(Join.operator(STAR));
    parts.add(draw(padded, windowCells(padded.shape(), position, kernel.shape(), ones), labels,
        paddedName, SLIDING));
    if (result != null) {
      joins.add(Join.operator(EQUALS));
      parts.add(draw(result, windowCells(result.shape(), resultCell, ones, ones), labels,
          resultName, SLIDING));
    }
    return new FigureRow(parts, joins, null, SLIDING);
  }

  /** A grid and the same grid with {@code factor - 1} zeros inserted between entries. */
  public static Figure dilation(SymTensor grid, Dims factor, CellLabels labels, Label name,
      Label dilatedName) {
    StringBuilder factors = new StringBuilder();
    for (int a = 0; a < factor.rank(); a++) {
      factors.append(a > 0 ? "," : "").append(factor.get(a));
    }
    // One number when every axis has the same factor, as in "x2"; else the tuple "x(2,1)".
    String inner = factor.allEqual(factor.get(0)) ? String.valueOf(factor.get(0))
        : "(" + factors + ")";
    Label arrow = new Label("\\times " + inner, "\u00d7" + inner);
    List<Figure> parts = List.of(grid(grid, labels, name),
        grid(grid.dilate(factor), labels, dilatedName));
    return new FigureRow(parts, List.of(Join.arrow(arrow)), null, DILATION);
  }

  /** Cells origin + dilation * u, u over the kernel box, as row-major offsets in the grid. */
  static Set<Integer> windowCells(Dims shape, Dims origin, Dims kernel, Dims dilation) {
    int r = shape.rank();
    for (int a = 0; a < r; a++) {
      int last = origin.get(a) + dilation.get(a) * (kernel.get(a) - 1);
      if (origin.get(a) < 0 || last >= shape.get(a)) {
        throw new IllegalArgumentException("window at " + origin + " of kernel " + kernel
            + " with dilation " + dilation + " must lie inside the grid " + shape);
      }
    }
    Set<Integer> cells = new HashSet<>();
    for (int q = 0; q < kernel.volume(); q++) {
      int[] u = kernel.indexAt(q);
      for (int a = 0; a < r; a++) {
        u[a] = origin.get(a) + dilation.get(a) * u[a];
      }
      cells.add(shape.offsetOf(u));
    }
    return cells;
  }

  /** The grid as one figure; {@code marked} holds row-major offsets into the whole grid. */
  private static Figure draw(SymTensor grid, Set<Integer> marked, CellLabels labels,
      Label heading, String key) {
    Dims shape = grid.shape();
    if (shape.rank() < 1 || shape.rank() > 3) {
      throw new IllegalArgumentException("figure grid rank (" + shape.rank()
          + ") must be 1, 2 or 3");
    }
    int depth = shape.rank() == 3 ? shape.get(0) : 1;
    int rows = shape.rank() == 1 ? 1 : shape.get(shape.rank() - 2);
    int cols = shape.get(shape.rank() - 1);
    int slice = rows * cols;
    List<Figure> slices = new ArrayList<>();
    for (int z = 0; z < depth; z++) {
      List<Label> cells = new ArrayList<>(slice);
      Set<Integer> window = new HashSet<>();
      Set<Integer> zeros = new HashSet<>();
      for (int k = 0; k < slice; k++) {
        Polynomial entry = grid.entries().get(z * slice + k);
        cells.add(labels.of(entry));
        if (entry.isZero()) {
          zeros.add(k);
        }
        if (marked.contains(z * slice + k)) {
          window.add(k);
        }
      }
      slices.add(new GridFigure(rows, cols, cells, window, zeros,
          depth == 1 ? heading : null, key));
    }
    if (depth == 1) {
      return slices.get(0);
    }
    return new FigureRow(slices, gaps(depth), heading, key);
  }

  private static List<Join> gaps(int parts) {
    List<Join> joins = new ArrayList<>();
    for (int i = 1; i < parts; i++) {
      joins.add(Join.gap());
    }
    return joins;
  }
}
