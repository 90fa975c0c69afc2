package org.convderiv.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.convderiv.chain.ChainRule;
import org.convderiv.differentiate.Differentiation;
import org.convderiv.expand.ForwardExpansion;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;
import org.junit.jupiter.api.Test;

/** The claim text of the recognized forms, which convderiv check reads back. */
class FormTextTest {

  private static List<String> texts(LayerSpec spec) {
    ChainRule chain = ChainRule.of(spec, Differentiation.of(ForwardExpansion.of(spec)));
    return Recognizer.recognize(spec, chain).stream().map(r -> r.form().text()).toList();
  }

  @Test
  void aValueEqualOnEveryAxisIsPrintedOnce() {
    LayerSpec spec = LayerSpec.builder(Dims.of(5, 5), Dims.of(3, 3)).stride(Dims.of(2, 2))
        .build();
    assertEquals(List.of("dL/dF = conv(X, dL/dO, dilation=2)",
        "dL/dX = full_conv(rot180(F), dL/dO, stride=2)"), texts(spec));
  }

  @Test
  void valuesThatDifferPerAxisOrPerSideArePrintedInFull() {
    LayerSpec spec = LayerSpec.builder(Dims.of(5, 3), Dims.of(2, 2)).stride(Dims.of(2, 1))
        .padding(Padding.explicit(Dims.of(1, 0), Dims.of(0, 1))).build();
    assertEquals(List.of("dL/dF = conv(X, dL/dO, padding=1x0/0x1, dilation=2x1)",
        "dL/dX = full_conv(rot180(F), dL/dO, padding=1x0/0x1, stride=2x1)"), texts(spec));
  }

  @Test
  void aGroupedLayerNamesItsGroups() {
    LayerSpec spec = LayerSpec.builder(Dims.of(3, 3), Dims.of(2, 2)).channelsIn(4)
        .channelsOut(2).groups(2).build();
    assertEquals(List.of("dL/dF = conv(X, dL/dO, groups=2)",
        "dL/dX = full_conv(rot180(F), dL/dO, groups=2)"), texts(spec));
  }
}
