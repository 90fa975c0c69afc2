package org.convderiv.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.convderiv.casefile.CaseFile;
import org.convderiv.casefile.CaseFiles;
import org.convderiv.casefile.SharedCases;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JavaEngineTest {

  private final JavaEngine engine = new JavaEngine();

  static Stream<Named<Path>> sharedCases() {
    return SharedCases.files().stream().map(p -> Named.of(p.getFileName().toString(), p));
  }

  @Test
  void findsAllThirteenSharedCases() {
    assertTrue(SharedCases.files().size() >= 13, () -> SharedCases.files().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedCases")
  void reproducesEveryPyTorchCaseExactly(Path file) {
    CaseFile c = CaseFiles.read(file);
    Gradients got = engine.run(c.spec(), c.values());

    assertEquals(c.expected().o(), got.o(), "O");
    assertEquals(c.expected().dx(), got.dx(), "dL/dX");
    assertEquals(c.expected().df(), got.df(), "dL/dF");
    assertEquals(c.expected().db(), got.db(), "dL/db");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedCases")
  void forwardAloneGivesTheSameOutputAsTheFullRun(Path file) {
    CaseFile c = CaseFiles.read(file);
    assertEquals(c.expected().o(), engine.forward(c.spec(), c.values()));
  }

  @Nested
  class ByHand {

    @Test
    void oneDimensionalLayerWithBiasMatchesTheDefinitionWorkedOnPaper() {
      LayerSpec spec = LayerSpec.builder(Dims.of(4), Dims.of(2)).bias(true).build();
      LayerValues v = new LayerValues(
          tensor(Dims.of(1, 1, 4), 1, 2, 3, 4),
          tensor(Dims.of(1, 1, 2), 1, -1),
          tensor(Dims.of(1, 1, 3), 1, 1, 1),
          tensor(Dims.of(1), 10));

      Gradients got = engine.run(spec, v);

      // O_i = 10 + X_i - X_{i+1}; dX_j = sum_i G_i F_{j-i}; dF_u = sum_i X_{i+u}; db = sum G.
      assertEquals(tensor(Dims.of(1, 1, 3), 9, 9, 9), got.o());
      assertEquals(tensor(Dims.of(1, 1, 4), 1, 0, 0, -1), got.dx());
      assertEquals(tensor(Dims.of(1, 1, 2), 6, 9), got.df());
      assertEquals(tensor(Dims.of(1), 3), got.db());
    }

    @Test
    void inputPositionsTheStrideSkipsGetZeroGradient() {
      // Input 6, kernel 2, stride 3: windows start at 0 and 3, so positions 2 and 5 are unread.
      LayerSpec spec = LayerSpec.builder(Dims.of(6), Dims.of(2)).stride(Dims.of(3)).build();
      LayerValues v = new LayerValues(
          tensor(Dims.of(1, 1, 6), 1, 2, 3, 4, 5, 6),
          tensor(Dims.of(1, 1, 2), 2, 3),
          tensor(Dims.of(1, 1, 2), 5, 7),
          null);

      Gradients got = engine.run(spec, v);

      assertEquals(tensor(Dims.of(1, 1, 2), 2 + 6, 8 + 15), got.o());
      assertEquals(tensor(Dims.of(1, 1, 6), 10, 15, 0, 14, 21, 0), got.dx());
      assertNull(got.db());
    }

    @Test
    void trueConvolutionEqualsCrossCorrelationWithTheKernelFlippedOnEveryAxis() {
      LayerSpec conv = LayerSpec.builder(Dims.of(4, 3, 5), Dims.of(2, 3, 2))
          .channelsIn(2).channelsOut(2).stride(Dims.of(1, 2, 1)).dilation(Dims.of(2, 1, 1))
          .padding(Padding.explicit(Dims.of(1, 0, 2), Dims.of(0, 1, 1)))
          .convention(Convention.CONVOLUTION).build();
      Layers.assertConvolutionIsFlippedCorrelation(engine, conv, 7);
    }
  }

  @Nested
  class Refuses {

    @Test
    void valuesOfTheWrongShapeWithBothShapesInTheMessage() {
      LayerSpec spec = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));
      LayerValues good = LayerValues.randomIntegers(spec, 1);
      LayerValues bad = new LayerValues(Tensor.zeros(Dims.of(1, 1, 3, 4)), good.f(), good.g(),
          null);

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> engine.run(spec, bad));
      assertEquals("X (shape 1x1x3x4) must have shape 1x1x3x3 for this layer", e.getMessage());
    }

    @Test
    void aLayerWithBiasButNoBiasValues() {
      LayerSpec spec = LayerSpec.builder(Dims.of(3), Dims.of(2)).bias(true).build();
      LayerValues v = LayerValues.randomIntegers(spec, 1);
      LayerValues noBias = new LayerValues(v.x(), v.f(), v.g(), null);

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> engine.run(spec, noBias));
      assertEquals("b is missing, the layer needs shape 1", e.getMessage());
    }
  }

  @Test
  void namesItselfJavaWithTheRuntimeVersion() {
    assertEquals("java", engine.name());
    assertEquals("convderiv reference engine (plain Java loops, float64)", engine.version());
  }

  static Tensor tensor(Dims shape, double... values) {
    return new Tensor(shape, values);
  }
}
