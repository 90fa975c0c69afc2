package org.convderiv.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.convderiv.derive.Derivation;
import org.convderiv.derive.Deriver;
import org.convderiv.layer.LayerValues;
import org.convderiv.numeric.Engine;
import org.convderiv.numeric.JavaEngine;
import org.convderiv.numeric.NumericRun;
import org.convderiv.numeric.pytorch.PyTorchEngine;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerException;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;

/**
 * Over random layers of rank 1 to 3 (stride, padding per side, dilation, channels, groups,
 * batch, bias, both conventions): every gradient is recognized and proved, and the symbolic
 * results equal the Java engine and PyTorch exactly on small integers and finite differences
 * within tolerance.
 */
class RecognitionPropertyTest {
  private static final List<Engine> ENGINES =
      List.of(new JavaEngine(), PyTorchEngine.load());

  @Property(tries = 80)
  void everyGradientOfARandomLayerIsRecognizedProvedAndChecked(
      @ForAll("layers") LayerSpec spec, @ForAll long seed) {
    Derivation d = new Deriver(ENGINES, seed).derive(spec, LayerValues.randomIntegers(spec, seed));
    for (Recognition r : d.recognitions()) {
      assertTrue(r.proved(), () -> spec + ": " + r.form().kind() + " differs at " + r.mismatch());
    }
    for (NumericRun run : d.check().runs()) {
      assertTrue(run.passed(), () -> spec + ": " + run.engineName() + " at " + run.label()
          + ": engine " + run.maxEngineDifference() + ", finite differences "
          + run.maxFiniteDifference());
      if (run.exact()) {
        assertEquals(0.0, run.maxEngineDifference(), run.engineName());
      }
    }
    assertEquals(0.0, d.check().comparisons().get(0).maxAbsDifference(), "java vs pytorch");
  }

  @Provide
  Arbitrary<LayerSpec> layers() {
    return Arbitraries.integers().between(1, 3).flatMap(rank -> {
      int maxInput = rank == 3 ? 5 : 8;
      Arbitrary<Dims> input = dims(rank, 1, maxInput);
      Arbitrary<Dims> kernel = dims(rank, 1, 3);
      Arbitrary<Dims> stride = dims(rank, 1, 3);
      Arbitrary<Dims> dilation = dims(rank, 1, 3);
      Arbitrary<Dims> padLow = dims(rank, 0, 2);
      Arbitrary<Dims> padHigh = dims(rank, 0, 2);
      Arbitrary<int[]> channels = Arbitraries.of(
          new int[] {1, 1, 1}, new int[] {2, 1, 1}, new int[] {1, 3, 1}, new int[] {2, 2, 2},
          new int[] {3, 2, 1}, new int[] {2, 3, 1}, new int[] {3, 3, 3});
      Arbitrary<Integer> batch = Arbitraries.integers().between(1, 2);
      Arbitrary<Boolean> bias = Arbitraries.of(true, false);
      Arbitrary<Convention> convention = Arbitraries.of(Convention.class);
      return Combinators.combine(List.of(input, kernel, stride, dilation, padLow, padHigh))
          .as(List::copyOf)
          .flatMap(g -> Combinators.combine(channels, batch, bias, convention)
              .as((c, n, b, conv) -> build((List<Dims>) g, c, n, b, conv)))
          .filter(s -> s != null);
    });
  }

  @SuppressWarnings("unchecked")
  private static LayerSpec build(List<Dims> g, int[] c, int n, boolean b, Convention conv) {
    try {
      return LayerSpec.builder(g.get(0), g.get(1)).stride(g.get(2)).dilation(g.get(3))
          .padding(Padding.explicit(g.get(4), g.get(5))).channelsIn(c[0]).channelsOut(c[1])
          .groups(c[2]).batch(n).bias(b).convention(conv).build();
    } catch (LayerException e) {
      return null; // a kernel that does not fit: not a layer
    }
  }

  private static Arbitrary<Dims> dims(int rank, int min, int max) {
    return Arbitraries.integers().between(min, max).array(int[].class).ofSize(rank)
        .map(Dims::of);
  }
}
