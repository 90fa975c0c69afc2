package org.convderiv.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convderiv.derive.Derivation;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.recognize.ConvolutionForm;
import org.convderiv.recognize.Recognition;
import org.convderiv.recognize.SymTensor;
import org.convderiv.render.WorksheetModel.FigureNotes;
import org.convderiv.render.figure.CellLabels;
import org.convderiv.render.figure.Figure;
import org.convderiv.render.figure.Figures;
import org.convderiv.render.figure.Label;
import org.convderiv.render.figure.SvgWriter;
import org.convderiv.render.figure.TikzWriter;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * The figures of one derive worksheet, drawn from its {@link Derivation}: the input with the
 * windows of a few output elements, the two flips of the filter, the first step of the full
 * convolution, and the dilated gradient and filter when the layer strides or dilates.
 *
 * <p>{@code latex} maps a figure name to its {@code tikzpicture}; {@code markdown} maps it to the
 * path of its SVG file relative to the worksheet, and {@code svgFiles} holds those files (path
 * to text). The templates write the captions and the image links. Names: {@code window},
 * {@code flips}, {@code full}, {@code dilated-gradient}, {@code dilated-filter}.
 *
 * <p>Large layers are drawn through a corner: a grid longer than {@link #CORNER_LIMIT} on an axis
 * is cut to the part the drawn windows touch, plus one row or column to show it goes on; {@code
 * notes} tells the templates what was cut so that they can say so.
 */
public record WorksheetFigures(Map<String, String> latex, Map<String, String> markdown,
    Map<String, String> svgFiles, FigureNotes notes) {

  /** The folder, relative to the worksheet, of the SVG files. */
  public static final String FOLDER = "figures";

  /** Cells per axis drawn in full; longer axes are cut to a corner. */
  static final int CORNER_LIMIT = 8;

  /** Windows drawn at most, each on its own copy of the input. */
  static final int MAX_WINDOWS = 4;

  /**
   * Width, in cells, a row of window copies may take: TikzWriter draws a cell 0.8 cm wide and
   * scales a figure down past 12 cm, so 15.5 cells keep the labels at their size.
   */
  static final double ROW_CELLS = 15.5;

  /** Entries per axis of dL/dO drawn before it is dilated, when it is large. */
  static final int DILATION_CORNER = 4;

  /** Filters longer than this on an axis are shown by their matrices only, not as a figure. */
  static final int FLIP_LIMIT = 6;

  public WorksheetFigures {
    latex = Map.copyOf(latex);
    markdown = Map.copyOf(markdown);
    svgFiles = Map.copyOf(svgFiles);
  }

  public static WorksheetFigures of(Derivation d) {
    LayerSpec spec = d.spec();
    CellLabels labels = CellLabels.of(d.notation());
    Map<String, Figure> figures = new LinkedHashMap<>();
    Dims gradientCorner = null;

    // The windows of the first output elements, on the padded input the forward pass reads.
    SymTensor padded = SymTensor.of(TensorName.X, 0, 0, spec.input())
        .pad(spec.padBefore(), spec.padAfter());
    List<Dims> outputs = windowOutputs(spec, padded);
    Dims windowCorner = windowCorner(spec, padded.shape(), outputs);
    SymTensor shownInput = padded.crop(Dims.filled(spec.rank(), 0), windowCorner);
    List<Label> headings = new ArrayList<>();
    List<String> outputLabels = new ArrayList<>();
    for (Dims o : outputs) {
      Label l = labels.of(new Variable(TensorName.O, lead(o)));
      headings.add(l);
      outputLabels.add(l.latex());
    }
    figures.put("window", Figures.windows(shownInput, outputs, headings, spec.kernel(),
        spec.stride(), spec.dilation(), labels));

    ConvolutionForm input = form(d, ConvolutionForm.Kind.INPUT_GRADIENT);
    boolean flipsOmitted = false;
    Dims fullCorner = null;
    if (input != null) {
      // The two flips: F, its vertical flip, then the horizontal flip of that.
      SymTensor filter = input.operand("filter").grid();
      if (filter.shape().max() <= FLIP_LIMIT) {
        figures.put("flips", Figures.rotation(filter, labels, Label.of("F")));
      } else {
        flipsOmitted = true;
      }

      // The first step of the full convolution: the (rotated, dilated) filter at the top left
      // corner of the bordered gradient, meeting only its first element.
      SymTensor kernel = input.operand("dilated-rotated-filter").grid();
      SymTensor border = input.operand("padded-gradient").grid();
      Dims zero = Dims.filled(spec.rank(), 0);
      Dims resultShape = resultShape(border.shape(), kernel.shape());
      fullCorner = fullCorner(border.shape(), kernel.shape());
      SymTensor shownBorder = border.crop(zero, fullCorner);
      // When the border is cut, so is the result, to the corner the next steps would fill.
      Dims shownResult = fullCorner.equals(border.shape()) ? resultShape
          : Dims.of(min(resultShape, 3));
      SymTensor result = padded.crop(zero, resultShape).crop(zero, shownResult);
      Label kernelName = spec.convention() == Convention.CROSS_CORRELATION
          ? new Label("\\mathrm{rot}_{180}(F)", "rot_{180}(F)") : Label.of("F");
      figures.put("full", Figures.sliding(kernel, kernelName, shownBorder,
          new Label("\\mathrm{pad}(\\delta)", "pad(\u03b4)"), zero, result,
          new Label("\\partial L/\\partial X", "\u2202L/\u2202X"), zero, labels));

      if (!spec.stride().allEqual(1)) {
        SymTensor g = input.operand("gradient").grid();
        gradientCorner = cornerOf(g.shape(), DILATION_CORNER);
        figures.put("dilated-gradient", Figures.dilation(g.crop(zero, gradientCorner),
            spec.stride(), labels, Label.of("\\delta"), new Label("\\delta'", "\u03b4'")));
      }
      if (!spec.dilation().allEqual(1) && filter.shape().max() <= FLIP_LIMIT) {
        figures.put("dilated-filter", Figures.dilation(filter, spec.dilation(), labels,
            Label.of("F"), new Label("F'", "F'")));
      }
    }

    Map<String, String> latex = new LinkedHashMap<>();
    Map<String, String> markdown = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, Figure> e : figures.entrySet()) {
      String path = FOLDER + "/" + e.getKey() + ".svg";
      latex.put(e.getKey(), TikzWriter.write(e.getValue()));
      markdown.put(e.getKey(), path);
      files.put(path, SvgWriter.write(e.getValue()));
    }
    FigureNotes notes = new FigureNotes(List.copyOf(outputLabels), (int) spec.output().volume(),
        !windowCorner.equals(padded.shape()), list(windowCorner), list(padded.shape()),
        fullCorner != null
            && !fullCorner.equals(input.operand("padded-gradient").grid().shape()),
        gradientCorner != null && !gradientCorner.equals(spec.output()), flipsOmitted);
    return new WorksheetFigures(latex, markdown, files, notes);
  }

  /** The model with these figures attached. */
  public WorksheetModel attachTo(WorksheetModel model) {
    return model.withFigures(latex, markdown, notes);
  }

  /**
   * The output elements whose windows are drawn: those in the leading corner of the output
   * (two per axis in 2-D, four along a 1-D axis, 1x2x2 in 3-D), row-major, as many as fit one
   * row of copies of the input at full size, and at least one.
   */
  static List<Dims> windowOutputs(LayerSpec spec, SymTensor padded) {
    int rank = spec.rank();
    int[] box = new int[rank];
    for (int a = 0; a < rank; a++) {
      int wanted = rank == 1 ? MAX_WINDOWS : a == 0 && rank == 3 ? 1 : 2;
      box[a] = Math.min(wanted, spec.output().get(a));
    }
    Dims corner = Dims.of(box);
    List<Dims> all = new ArrayList<>();
    for (int k = 0; k < corner.volume(); k++) {
      all.add(Dims.of(corner.indexAt(k)));
    }
    Dims drawn = windowCorner(spec, padded.shape(), all);
    double width = drawnWidth(drawn);
    int fit = (int) Math.floor((ROW_CELLS + 0.5) / (width + 0.5));
    int count = Math.max(1, Math.min(Math.min(MAX_WINDOWS, fit), all.size()));
    if (count < all.size() && rank >= 2) {
      // Fewer copies fit: keep the windows side by side along the last axis first, as lecture
      // notes slide a window along a row before moving down.
      List<Dims> rowFirst = new ArrayList<>();
      for (Dims o : all) {
        if (o.get(rank - 2) == 0) {
          rowFirst.add(o);
        }
      }
      for (Dims o : all) {
        if (o.get(rank - 2) != 0) {
          rowFirst.add(o);
        }
      }
      all = rowFirst;
    }
    return List.copyOf(all.subList(0, count));
  }

  /** Width in cells of one drawn grid: 3-D grids show their depth slices side by side. */
  private static double drawnWidth(Dims shape) {
    int r = shape.rank();
    int depth = r == 3 ? shape.get(0) : 1;
    return depth * shape.get(r - 1) + (depth - 1) * 0.5;
  }

  /**
   * The corner of the padded input that is drawn: the whole grid while every axis is at most
   * {@link #CORNER_LIMIT}; else, on a long axis, the cells the windows reach plus one.
   */
  static Dims windowCorner(LayerSpec spec, Dims grid, List<Dims> outputs) {
    int[] size = new int[grid.rank()];
    boolean large = grid.max() > CORNER_LIMIT;
    for (int a = 0; a < size.length; a++) {
      int last = 0;
      for (Dims o : outputs) {
        last = Math.max(last, o.get(a));
      }
      int reach = spec.stride().get(a) * last + spec.dilation().get(a)
          * (spec.kernel().get(a) - 1) + 1;
      size[a] = large ? Math.min(grid.get(a), reach + 1) : grid.get(a);
    }
    return Dims.of(size);
  }

  /** The drawn part of the bordered gradient: whole, or the kernel's reach plus two cells. */
  private static Dims fullCorner(Dims border, Dims kernel) {
    if (border.max() <= CORNER_LIMIT) {
      return border;
    }
    int[] size = new int[border.rank()];
    for (int a = 0; a < size.length; a++) {
      size[a] = Math.min(border.get(a), kernel.get(a) + 2);
    }
    return Dims.of(size);
  }

  /** The size of a valid correlation of {@code grid} with {@code kernel}, stride 1. */
  private static Dims resultShape(Dims grid, Dims kernel) {
    int[] size = new int[grid.rank()];
    for (int a = 0; a < size.length; a++) {
      size[a] = grid.get(a) - kernel.get(a) + 1;
    }
    return Dims.of(size);
  }

  /** {@code shape} itself while no axis is past {@link #CORNER_LIMIT}; else cut to limit. */
  private static Dims cornerOf(Dims shape, int limit) {
    if (shape.max() <= CORNER_LIMIT) {
      return shape;
    }
    int[] size = new int[shape.rank()];
    for (int a = 0; a < size.length; a++) {
      size[a] = Math.min(shape.get(a), limit);
    }
    return Dims.of(size);
  }

  private static int[] min(Dims shape, int limit) {
    int[] size = new int[shape.rank()];
    for (int a = 0; a < size.length; a++) {
      size[a] = Math.min(shape.get(a), limit);
    }
    return size;
  }

  private static ConvolutionForm form(Derivation d, ConvolutionForm.Kind kind) {
    for (Recognition r : d.recognitions()) {
      if (r.form().kind() == kind) {
        return r.form();
      }
    }
    return null;
  }

  /** A spatial index with batch and channel 0 in front. */
  private static Dims lead(Dims spatial) {
    int[] idx = new int[spatial.rank() + 2];
    System.arraycopy(spatial.toArray(), 0, idx, 2, spatial.rank());
    return Dims.of(idx);
  }

  private static List<Integer> list(Dims d) {
    List<Integer> out = new ArrayList<>();
    for (int a = 0; a < d.rank(); a++) {
      out.add(d.get(a));
    }
    return List.copyOf(out);
  }
}
