package org.convderiv.numeric.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.EngineComparison;
import org.convderiv.numeric.EngineUnavailableException;
import org.convderiv.numeric.Gradients;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PyTorchEngineTest {

  static Stream<Path> caseFiles() throws IOException {
    return ReferenceCase.files();
  }

  /** Every value identical; -0.0 and 0.0 count as the same number. */
  static void assertSameValues(String what, Tensor expected, Tensor actual) {
    assertEquals(expected.shape(), actual.shape(), what + " shape");
    assertEquals(0, expected.maxAbsDifference(actual),
        what + ": expected " + expected + " but was " + actual);
  }

  static void assertSameGradients(Gradients expected, Gradients actual) {
    assertSameValues("O", expected.o(), actual.o());
    assertSameValues("dX", expected.dx(), actual.dx());
    assertSameValues("dF", expected.df(), actual.df());
    if (expected.db() == null) {
      assertNull(actual.db(), "db of a layer without bias");
    } else {
      assertSameValues("db", expected.db(), actual.db());
    }
  }

  @Nested
  class SharedCases {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convderiv.numeric.pytorch.PyTorchEngineTest#caseFiles")
    void pyTorchEngineReproducesTheReferenceValuesExactly(Path file) {
      ReferenceCase c = ReferenceCase.read(file);

      Gradients actual = PyTorchEngine.load().run(c.spec(), c.values());

      assertSameGradients(c.expected(), actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convderiv.numeric.pytorch.PyTorchEngineTest#caseFiles")
    void definitionReferenceOfTheTestsReproducesTheReferenceValuesToo(Path file) {
      ReferenceCase c = ReferenceCase.read(file);

      assertSameGradients(c.expected(), DefinitionReference.run(c.spec(), c.values()));
    }
  }

  @Nested
  class Geometry {

    @Test
    void unevenPaddingOnEveryAxisOfAThreeDimensionalLayerMatchesTheDefinition() {
      LayerSpec spec = LayerSpec.builder(Dims.of(3, 4, 2), Dims.of(2, 3, 2))
          .channelsIn(2).channelsOut(2).groups(2).batch(2).bias(true)
          .stride(Dims.of(2, 1, 3)).dilation(Dims.of(1, 2, 1))
          .padding(Padding.explicit(Dims.of(0, 2, 1), Dims.of(1, 0, 2)))
          .convention(Convention.CONVOLUTION)
          .build();
      LayerValues values = LayerValues.randomIntegers(spec, 7);

      Gradients actual = PyTorchEngine.load().run(spec, values);

      assertSameGradients(DefinitionReference.run(spec, values), actual);
    }

    @Test
    void realValuedLayerAgreesWithTheDefinitionToRoundingError() {
      LayerSpec spec = LayerSpec.builder(Dims.of(28, 28), Dims.of(5, 5))
          .channelsIn(3).channelsOut(4).stride(Dims.of(2, 2)).bias(true)
          .padding(Padding.explicit(Dims.of(2, 1), Dims.of(1, 2)))
          .build();
      LayerValues values = LayerValues.randomReals(spec, 11);

      EngineComparison c = EngineComparison.of("definition",
          DefinitionReference.run(spec, values), "pytorch", PyTorchEngine.load().run(spec, values));

      assertTrue(c.maxAbsDifference() < 1e-12, () -> "largest difference " + c.maxAbsDifference());
    }

    @Test
    void trueConvolutionDiffersFromCrossCorrelationOnAnAsymmetricKernel() {
      LayerSpec correlation = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));
      LayerSpec convolution = LayerSpec.builder(Dims.of(3, 3), Dims.of(2, 2))
          .convention(Convention.CONVOLUTION).build();
      LayerValues values = new LayerValues(
          new Tensor(Dims.of(1, 1, 3, 3), new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}),
          new Tensor(Dims.of(1, 1, 2, 2), new double[] {1, 0, 0, 0}),
          new Tensor(Dims.of(1, 1, 2, 2), new double[] {1, 1, 1, 1}), null);
      PyTorchEngine torch = PyTorchEngine.load();

      // A kernel with its only 1 top-left picks the top-left of each window, and once flipped
      // the bottom-right.
      assertSameValues("O correlation", new Tensor(Dims.of(1, 1, 2, 2), new double[] {1, 2, 4, 5}),
          torch.run(correlation, values).o());
      assertSameValues("O convolution", new Tensor(Dims.of(1, 1, 2, 2), new double[] {5, 6, 8, 9}),
          torch.run(convolution, values).o());
    }
  }

  @Nested
  class Loading {

    @Test
    void versionNamesPyTorchAndDjl() {
      String version = PyTorchEngine.load().version();

      assertTrue(version.startsWith("PyTorch 2.7.1 (DJL 0.36.0"), version);
      assertEquals("pytorch", PyTorchEngine.load().name());
    }

    @Test
    void nativeLibraryLoadsOncePerJvm() {
      assertSame(PyTorchEngine.load(), PyTorchEngine.load());
    }

    @Test
    void failureToLoadBecomesOneLineThatNamesTheCauseAndTheWayOut() {
      EngineException failure = new EngineException("Failed to save pytorch index file",
          new java.io.IOException("Offline mode is enabled.\nsecond line"));

      EngineUnavailableException e = PyTorchEngine.unavailable(failure);

      assertEquals("PyTorch engine unavailable: its native library could not load (Failed to save"
          + " pytorch index file: Offline mode is enabled.); it needs Linux x86-64 and the"
          + " pytorch-native-cpu jar on the class path; use --engine java", e.getMessage());
      assertSame(failure, e.getCause());
    }

    @Test
    void linkErrorWithoutMessageIsNamedByItsType() {
      String message = PyTorchEngine.unavailable(new UnsatisfiedLinkError()).getMessage();

      assertTrue(message.contains("(UnsatisfiedLinkError)"), message);
      assertFalse(message.contains("\n"), message);
    }
  }
}
