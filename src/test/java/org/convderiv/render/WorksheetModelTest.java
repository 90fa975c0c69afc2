package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.junit.jupiter.api.Test;

class WorksheetModelTest {

  @Test
  void shortListsAreShownWhole() {
    assertEquals(List.of(0, 1, 2, 3), WorksheetModel.selection(4, 16));
  }

  @Test
  void longListsShowTheFirstElementsTheMiddleAndTheLast() {
    assertEquals(List.of(0, 1, 2, 3, 50, 99), WorksheetModel.selection(100, 6));
    assertEquals(List.of(0, 1, 3, 6), WorksheetModel.selection(7, 4));
  }

  @Test
  void aLayerWithASizeOfTenPrintsEveryIndexWithCommasAndStatesItsSelection() {
    var derivation = Worksheets.derive(LayerSpec.classic(Dims.of(11, 10), Dims.of(3, 3)));
    WorksheetModel m = WorksheetModel.of(derivation);
    String tex = Worksheets.render(derivation, null).get(WorksheetWriter.TEX);
    assertTrue(m.forward().partial());
    assertEquals(72, m.forward().total());
    assertEquals(16, m.forward().items().size());
    assertEquals("O_{9,8}", m.forward().items().get(15).lhs(), "the last output closes the list");
    assertTrue(tex.contains("Showing 16 of 72 output elements; all 72 are"));
    assertTrue(tex.contains("X_{10,2}"));
    assertTrue(tex.contains("O_{1,1} &= X_{1,1} F_{1,1} + X_{1,2} F_{1,2}"));
    assertFalse(tex.contains("X_{11}"), "never the compact style in a comma document");
    assertEquals("G_{1,1}", m.notation().gradient(), "72 outputs use the short dL/dO");
  }
}
