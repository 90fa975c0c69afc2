package org.convderiv.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;
import org.convderiv.term.Polynomial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TruthTest {

  static Stream<LayerSpec> layers() {
    return Stream.of(
        LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2)),
        LayerSpec.builder(Dims.of(6, 5), Dims.of(3, 2)).stride(Dims.of(2, 2))
            .padding(Padding.explicit(Dims.of(1, 0), Dims.of(1, 0))).build(),
        LayerSpec.builder(Dims.of(6, 6), Dims.of(2, 2)).dilation(Dims.of(2, 2)).bias(true)
            .build(),
        LayerSpec.builder(Dims.of(4, 4), Dims.of(3, 3)).channelsIn(4).channelsOut(2).groups(2)
            .build(),
        LayerSpec.builder(Dims.of(4, 4), Dims.of(3, 3)).convention(Convention.CONVOLUTION)
            .batch(2).build(),
        LayerSpec.builder(Dims.of(7), Dims.of(3)).stride(Dims.of(2)).padding(Padding.same())
            .stride(Dims.of(1)).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void theReferenceFormulasAgreeWithTheDerivationPipelineOnEveryElement(LayerSpec spec) {
    Truth derived = Truth.derived(spec);
    Truth direct = Truth.fromReferenceFormulas(spec);
    for (var e : derived.gradients().entrySet()) {
      assertEquals(e.getValue(), direct.of(e.getKey()), e.getKey().toString());
    }
    for (var e : direct.gradients().entrySet()) {
      assertEquals(e.getValue(), derived.of(e.getKey()), e.getKey().toString());
    }
    for (var e : derived.forward().entrySet()) {
      assertEquals(e.getValue(), direct.of(e.getKey()), e.getKey().toString());
    }
    assertEquals(derived.forward().size(), direct.forward().size());
    assertEquals(false, direct.gradients().values().stream().allMatch(Polynomial::isZero));
  }
}
