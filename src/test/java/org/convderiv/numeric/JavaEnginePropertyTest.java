package org.convderiv.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.FiniteDifferences.ElementCheck;
import org.convderiv.numeric.FiniteDifferences.Operand;

/**
 * The engine's backward pass over random geometries: rank 1 to 3, stride, dilation and kernel 1
 * to 3, padding 0 to 2 on each side, 1 to 3 channels each way with groups dividing both, batch 1
 * or 2, with and without bias, under both conventions.
 */
class JavaEnginePropertyTest {

  private final JavaEngine engine = new JavaEngine();

  @Property(tries = 150)
  void backwardPassAgreesWithFiniteDifferencesOnRandomReals(
      @ForAll("layers") LayerSpec spec, @ForAll long seed) {
    LayerValues values = LayerValues.randomReals(spec, seed);

    List<ElementCheck> checks = FiniteDifferences.sample(engine, spec, values, 24, seed);

    for (ElementCheck check : checks) {
      assertTrue(check.passes(Tolerance.GRADCHECK), () -> spec + ": " + check);
    }
  }

  /**
   * L is linear in each single element, so adding 1 to one element of integer values changes L by
   * exactly that element's gradient: a brute-force probe with no step size and no rounding.
   */
  @Property(tries = 150)
  void onIntegersEachGradientElementIsExactlyTheChangeOfLossFromAOneHotProbe(
      @ForAll("layers") LayerSpec spec, @ForAll long seed) {
    LayerValues values = LayerValues.randomIntegers(spec, seed);
    Gradients gradients = engine.run(spec, values);
    double loss = loss(spec, values);
    Random random = new Random(seed);

    for (Operand op : spec.bias() ? Operand.values() : new Operand[] {Operand.X, Operand.F}) {
      Tensor t = op.of(values);
      for (int probe = 0; probe < 8; probe++) {
        int at = random.nextInt(t.size());
        double probed = loss(spec, op.replace(values, t.with(at, t.at(at) + 1)));
        assertEquals(probed - loss, op.of(gradients).at(at), () -> spec + ": " + op + " at " + at);
      }
    }
  }

  /**
   * Euler's identity for the bilinear layer, exact on integers and covering every element at
   * once: O - b is linear in X and linear in F, so sum(X dL/dX) = sum(F dL/dF) = sum(G (O - b)),
   * and sum(b dL/db) = sum(G b).
   */
  @Property(tries = 300)
  void onIntegersTheGradientsContractWithTheirValuesToTheLossWithoutBias(
      @ForAll("layers") LayerSpec spec, @ForAll long seed) {
    LayerValues values = LayerValues.randomIntegers(spec, seed);
    Gradients gradients = engine.run(spec, values);
    double biasPart = 0;
    if (spec.bias()) {
      int perChannel = (int) spec.output().volume();
      for (int i = 0; i < values.g().size(); i++) {
        biasPart += values.g().at(i) * values.b().at(i / perChannel % spec.channelsOut());
      }
      assertEquals(biasPart, dot(values.b(), gradients.db()));
    }
    double withoutBias = dot(values.g(), gradients.o()) - biasPart;

    assertEquals(withoutBias, dot(values.x(), gradients.dx()), spec::toString);
    assertEquals(withoutBias, dot(values.f(), gradients.df()), spec::toString);
  }

  @Property(tries = 100)
  void trueConvolutionIsCrossCorrelationWithTheFlippedKernel(
      @ForAll("layers") LayerSpec spec, @ForAll long seed) {
    Layers.assertConvolutionIsFlippedCorrelation(engine, spec, seed);
  }

  @Provide
  Arbitrary<LayerSpec> layers() {
    Arbitrary<Axis> axis = Combinators.combine(
        Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 2)).as(Axis::new);
    Arbitrary<int[]> channels = Combinators.combine(
        Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3))
        .flatAs((in, out) -> Arbitraries.of(commonDivisors(in, out))
            .map(groups -> new int[] {in, out, groups}));
    return Combinators.combine(
        axis.list().ofMinSize(1).ofMaxSize(3),
        channels,
        Arbitraries.integers().between(1, 2),
        Arbitraries.of(true, false),
        Arbitraries.of(Convention.class)).as(JavaEnginePropertyTest::layer);
  }

  /** One spatial axis; the input is just long enough for the dilated kernel, plus extra. */
  record Axis(int kernel, int stride, int dilation, int before, int after, int extra) {
    int input() {
      int span = dilation * (kernel - 1) + 1;
      return Math.max(1, span - before - after) + extra;
    }
  }

  private static LayerSpec layer(
      List<Axis> axes, int[] channels, int batch, boolean bias, Convention convention) {
    return LayerSpec.builder(dims(axes, Axis::input), dims(axes, Axis::kernel))
        .stride(dims(axes, Axis::stride))
        .dilation(dims(axes, Axis::dilation))
        .padding(Padding.explicit(dims(axes, Axis::before), dims(axes, Axis::after)))
        .channelsIn(channels[0]).channelsOut(channels[1]).groups(channels[2])
        .batch(batch).bias(bias).convention(convention)
        .build();
  }

  private static Dims dims(List<Axis> axes, java.util.function.ToIntFunction<Axis> part) {
    return Dims.of(axes.stream().mapToInt(part).toArray());
  }

  private static List<Integer> commonDivisors(int a, int b) {
    return java.util.stream.IntStream.rangeClosed(1, Math.min(a, b))
        .filter(g -> a % g == 0 && b % g == 0).boxed().toList();
  }

  private double loss(LayerSpec spec, LayerValues values) {
    return dot(values.g(), engine.forward(spec, values));
  }

  private static double dot(Tensor a, Tensor b) {
    double sum = 0;
    for (int i = 0; i < a.size(); i++) {
      sum += a.at(i) * b.at(i);
    }
    return sum;
  }
}
