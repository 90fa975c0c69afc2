package org.convderiv.render.figure;

import static org.convderiv.render.figure.FigureSamples.LABELS;
import static org.convderiv.render.figure.FigureSamples.f;
import static org.convderiv.render.figure.FigureSamples.g;
import static org.convderiv.render.figure.FigureSamples.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.convderiv.layer.Dims;
import org.convderiv.render.figure.FigureRow.Join;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FiguresTest {
  private static final Dims ONES = Dims.of(1, 1);

  private static List<String> plain(GridFigure g) {
    return g.cells().stream().map(Label::plain).toList();
  }

  @Nested
  class Windows {
    @Test
    void windowOfAnOutputElementStartsAtStrideTimesItsIndex() {
      GridFigure fig = (GridFigure) Figures.window(x(5, 5), Dims.of(1, 1), Dims.of(2, 2),
          Dims.of(2, 2), ONES, LABELS, null);
      // Origin (2,2): cells 12, 13, 17, 18 of a 5x5 grid.
      assertEquals(Set.of(12, 13, 17, 18), fig.highlighted());
    }

    @Test
    void dilatedWindowSkipsCellsBetweenTaps() {
      assertEquals(Set.of(0, 2, 10, 12),
          Figures.windowCells(Dims.of(5, 5), Dims.of(0, 0), Dims.of(2, 2), Dims.of(2, 2)));
    }

    @Test
    void windowOutsideTheGridIsRefusedWithItsPlace() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Figures.window(x(3, 3), Dims.of(1, 1), Dims.of(3, 3), ONES, ONES, LABELS, null));
      assertEquals("window at 1x1 of kernel 3x3 with dilation 1x1 must lie inside the grid 3x3",
          e.getMessage());
    }

    @Test
    void paddingIsDrawnAsZeroCellsAroundTheInput() {
      GridFigure fig = (GridFigure) Figures.grid(x(2, 2).pad(ONES, ONES), LABELS, null);
      assertEquals(List.of("0", "0", "0", "0", "0", "X_{11}", "X_{12}", "0", "0", "X_{21}",
          "X_{22}", "0", "0", "0", "0", "0"), plain(fig));
      assertEquals(Set.of(0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15), fig.zeros());
    }

    @Test
    void rankOneGridIsOneRow() {
      GridFigure fig = (GridFigure) Figures.grid(x(4), LABELS, null);
      assertEquals(1, fig.rows());
      assertEquals(List.of("X_{1}", "X_{2}", "X_{3}", "X_{4}"), plain(fig));
    }

    @Test
    void rankThreeGridShowsDepthSlicesSideBySide() {
      FigureRow fig = (FigureRow) Figures.window(x(2, 2, 2), Dims.of(1, 0, 0), Dims.of(1, 2, 1),
          Dims.of(1, 1, 1), Dims.of(1, 1, 1),
          LABELS, Label.of("X"));
      assertEquals(2, fig.parts().size());
      assertEquals(List.of(Join.gap()), fig.joins());
      GridFigure back = (GridFigure) fig.parts().get(1);
      assertEquals(List.of("X_{211}", "X_{212}", "X_{221}", "X_{222}"), plain(back));
      assertEquals(Set.of(0, 2), back.highlighted());
      assertEquals(Set.of(), ((GridFigure) fig.parts().get(0)).highlighted());
    }
  }

  @Nested
  class Rotation {
    @Test
    void rotationShowsTheVerticalThenTheHorizontalFlip() {
      FigureRow fig = (FigureRow) Figures.rotation(f(2, 2), LABELS, Label.of("F"));
      List<String> flipped = plain((GridFigure) fig.parts().get(1));
      List<String> rotated = plain((GridFigure) fig.parts().get(2));
      assertEquals(List.of("F_{21}", "F_{22}", "F_{11}", "F_{12}"), flipped);
      assertEquals(List.of("F_{22}", "F_{21}", "F_{12}", "F_{11}"), rotated);
      assertEquals(List.of("\\updownarrow", "\\leftrightarrow"),
          fig.joins().stream().map(j -> j.label().latex()).toList());
      assertEquals("rot_{180}(F)", ((GridFigure) fig.parts().get(2)).heading().plain());
      assertNull(((GridFigure) fig.parts().get(1)).heading());
    }
  }

  @Nested
  class Dilation {
    @Test
    void dilationInsertsGreyZerosBetweenGradientEntries() {
      FigureRow fig = (FigureRow) Figures.dilation(g(2, 2), Dims.of(2, 2), LABELS,
          Label.of("G"), Label.of("G'"));
      GridFigure dilated = (GridFigure) fig.parts().get(1);
      assertEquals(List.of("\u03b4_{11}", "0", "\u03b4_{12}", "0", "0", "0", "\u03b4_{21}", "0",
          "\u03b4_{22}"), plain(dilated));
      assertEquals(Set.of(1, 3, 4, 5, 7), dilated.zeros());
      assertEquals("\\times 2", fig.joins().get(0).label().latex());
    }

    @Test
    void unequalFactorsAreWrittenAsATuple() {
      FigureRow fig = (FigureRow) Figures.dilation(g(2, 2), Dims.of(2, 1), LABELS,
          Label.of("G"), Label.of("G'"));
      assertEquals("\u00d7(2,1)", fig.joins().get(0).label().plain());
      assertEquals(3, ((GridFigure) fig.parts().get(1)).rows());
      assertEquals(2, ((GridFigure) fig.parts().get(1)).cols());
    }
  }

  @Nested
  class Tikz {
    @Test
    void tikzFillsTheWindowAndGreysTheZeros() {
      String tikz = TikzWriter.write(Figures.window(x(2, 2).pad(ONES, ONES), Dims.of(0, 0),
          Dims.of(2, 2), ONES, ONES, LABELS, null));
      assertTrue(tikz.startsWith("\\begin{tikzpicture}[x=0.8cm,y=-0.8cm,\n"), tikz);
      assertTrue(tikz.contains("\\draw[cell,window] (1,1) rectangle +(1,1);\n"
          + "\\node[label] at (1.5,1.5) {$X_{11}$};\n"), tikz);
      assertTrue(tikz.contains("\\draw[cell,window] (0,0) rectangle +(1,1);\n"
          + "\\node[zerolabel] at (0.5,0.5) {$0$};\n"), tikz);
      assertTrue(tikz.contains("\\draw[cell,zero] (3,3) rectangle +(1,1);"), tikz);
      assertTrue(tikz.contains("\\draw[frame] (0,0) rectangle +(2,2);"), tikz);
      assertTrue(tikz.endsWith("\\end{tikzpicture}\n"));
    }

    @Test
    void sixBySixGridFitsThePageWithoutScaling() {
      String tikz = TikzWriter.write(Figures.grid(x(6, 6), LABELS, Label.of("X")));
      assertFalse(tikz.contains("scale="), tikz);
      assertTrue(tikz.contains("\\draw[cell] (5,5.8) rectangle +(1,1);"), tikz);
    }

    @Test
    void wideRowIsScaledDownToTheMaximumWidth() {
      List<Figure> parts = List.of(Figures.grid(x(6, 6), LABELS, null),
          Figures.grid(x(6, 6), LABELS, null), Figures.grid(x(6, 6), LABELS, null));
      String tikz = TikzWriter.write(new FigureRow(parts, List.of(Join.gap(), Join.gap()),
          null, null));
      // 19 cell widths of 0.8 cm is 15.2 cm; 12 / 15.2 = 0.789...
      assertTrue(tikz.contains(",scale=0.789,every node/.style={transform shape}"), tikz);
    }
  }

  @Nested
  class Svg {
    @Test
    void svgIsWellFormedXmlWithSubscriptsAsTspans() throws Exception {
      String svg = SvgWriter.write(Figures.rotation(f(2, 2), LABELS, Label.of("F")));
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      NodeList spans = doc.getElementsByTagName("tspan");
      assertEquals(13, spans.getLength()); // 12 cell indices and the 180 of rot_180
      Element first = (Element) spans.item(0);
      assertEquals("sub", first.getAttribute("baseline-shift"));
      String cellTexts = texts(doc).stream().collect(Collectors.joining(" "));
      assertTrue(cellTexts.startsWith("F F11 F12 F21 F22 \u2195 F21 F22 F11 F12"), cellTexts);
    }

    @Test
    void svgHasNoIdsNoExternalFontsAndNoBlankLines() {
      for (Figure fig : FigureSamples.all()) {
        String svg = SvgWriter.write(fig);
        assertFalse(svg.contains(" id="), svg);
        assertFalse(svg.contains("@font-face") || svg.contains("url("), svg);
        assertFalse(svg.contains("\n\n"), svg);
      }
    }

    @Test
    void sameFigureGivesTheSameSvgText() {
      assertEquals(SvgWriter.write(FigureSamples.all().get(2)),
          SvgWriter.write(FigureSamples.all().get(2)));
    }

    @Test
    void labelTextIsEscapedForXml() {
      GridFigure fig = new GridFigure(1, 1, List.of(Label.of("a<b&c")), Set.of(), Set.of(),
          null, null);
      assertTrue(SvgWriter.write(fig).contains(">a&lt;b&amp;c</text>"));
    }

    private static List<String> texts(Document doc) {
      NodeList list = doc.getElementsByTagName("text");
      List<String> out = new java.util.ArrayList<>();
      for (int i = 0; i < list.getLength(); i++) {
        out.add(list.item(i).getTextContent());
      }
      return out;
    }
  }

  @Test
  void gridFigureRefusesCellsOutsideItself() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GridFigure(2, 2, List.of(Label.of("a"), Label.of("b"), Label.of("c"),
            Label.of("d")), Set.of(4), Set.of(), null, null));
    assertEquals("marked cell (4) must lie in the 2x2 grid, 0 to 3", e.getMessage());
  }
}
