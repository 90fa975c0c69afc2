package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;
import org.junit.jupiter.api.Test;

class WorksheetFiguresTest {

  @Test
  void classicLayerDrawsAllFourWindowsOnTheWholeInputAndNoDilation() {
    WorksheetFigures f = WorksheetFigures.of(Worksheets.article());
    assertEquals(Set.of("window", "flips", "full"), f.latex().keySet());
    assertEquals(Set.of("figures/window.svg", "figures/flips.svg", "figures/full.svg"),
        f.svgFiles().keySet());
    assertEquals("figures/full.svg", f.markdown().get("full"));
    assertEquals(List.of("O_{11}", "O_{12}", "O_{21}", "O_{22}"), f.notes().windowOutputs());
    assertEquals(4, f.notes().outputs());
    assertFalse(f.notes().windowCropped());
    assertFalse(f.notes().fullCropped());
    // Four copies of the 3x3 input, 36 cells, each window 4 cells.
    assertEquals(36, count(f.svgFiles().get("figures/window.svg"), "stroke=\"#4d4d4d\""));
    assertEquals(16, count(f.svgFiles().get("figures/window.svg"), "fill=\"#ffd2a6\""));
    assertTrue(f.latex().get("flips").startsWith("\\begin{tikzpicture}"));
  }

  @Test
  void largeLayerDrawsTwoWindowsOnTheCornerTheyReachPlusOne() {
    LayerSpec spec = LayerSpec.classic(Dims.of(28, 28), Dims.of(5, 5));
    WorksheetFigures f = WorksheetFigures.of(Worksheets.derive(spec));
    assertEquals(List.of("O_{1,1}", "O_{1,2}"), f.notes().windowOutputs());
    assertEquals(576, f.notes().outputs());
    assertTrue(f.notes().windowCropped());
    // Windows of O_{1,1} and O_{1,2} reach 5 rows and 6 columns; one more of each is drawn.
    assertEquals(List.of(6, 7), f.notes().windowCorner());
    assertEquals(List.of(28, 28), f.notes().inputShape());
    assertEquals(2 * 42, count(f.svgFiles().get("figures/window.svg"), "stroke=\"#4d4d4d\""));
    assertTrue(f.notes().fullCropped());
  }

  @Test
  void stridedDilatedLayerAddsTheDilatedGradientAndFilter() {
    LayerSpec spec = LayerSpec.builder(Dims.of(5, 5), Dims.of(3, 3)).stride(Dims.of(2, 2))
        .dilation(Dims.of(2, 2)).padding(Padding.explicit(Dims.of(1, 1), Dims.of(1, 1))).build();
    WorksheetFigures f = WorksheetFigures.of(Worksheets.derive(spec));
    assertEquals(Set.of("window", "flips", "full", "dilated-gradient", "dilated-filter"),
        f.latex().keySet());
    assertEquals(f.latex().keySet(), f.markdown().keySet());
    // 3x3 filter and its 5x5 dilation; the inserted zeros are grey.
    String dilated = f.svgFiles().get("figures/dilated-filter.svg");
    assertEquals(9 + 25, count(dilated, "stroke=\"#4d4d4d\""));
    assertEquals(16, count(dilated, "fill=\"#ebebeb\""));
  }

  @Test
  void trueConvolutionSlidesTheFilterUnrotated() {
    LayerSpec spec = LayerSpec.builder(Dims.of(3, 3), Dims.of(2, 2))
        .convention(Convention.CONVOLUTION).build();
    WorksheetFigures f = WorksheetFigures.of(Worksheets.derive(spec));
    String full = f.latex().get("full");
    assertFalse(full.contains("rot"), full);
    assertTrue(full.contains("{$F$}"), full);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
