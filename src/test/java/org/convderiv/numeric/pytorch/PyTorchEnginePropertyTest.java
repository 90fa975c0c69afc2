package org.convderiv.numeric.pytorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.numeric.EngineComparison;

/**
 * PyTorch against the layer's definition over random geometries: every rank, stride, dilation,
 * uneven padding, groups, batch, bias and both conventions. On small integers float64 sums are
 * exact, so the two must agree to the last bit.
 */
class PyTorchEnginePropertyTest {

  enum PaddingKind { EXPLICIT, SAME, FULL }

  @Property(tries = 400)
  void pyTorchAgreesExactlyWithTheDefinitionOnSmallIntegers(
      @ForAll @IntRange(min = 1, max = 3) int rank,
      @ForAll @Size(3) List<@IntRange(min = 1, max = 3) Integer> kernel,
      @ForAll @Size(3) List<@IntRange(min = 1, max = 3) Integer> stride,
      @ForAll @Size(3) List<@IntRange(min = 1, max = 3) Integer> dilation,
      @ForAll @Size(3) List<@IntRange(min = 0, max = 2) Integer> padBefore,
      @ForAll @Size(3) List<@IntRange(min = 0, max = 2) Integer> padAfter,
      @ForAll @Size(3) List<@IntRange(min = 0, max = 3) Integer> inputSlack,
      @ForAll PaddingKind paddingKind,
      @ForAll @IntRange(min = 1, max = 3) int groups,
      @ForAll @IntRange(min = 1, max = 2) int inPerGroup,
      @ForAll @IntRange(min = 1, max = 2) int outPerGroup,
      @ForAll @IntRange(min = 1, max = 2) int batch,
      @ForAll boolean bias,
      @ForAll Convention convention,
      @ForAll long seed) {
    Dims k = take(kernel, rank);
    Dims s = take(stride, rank);
    Dims d = take(dilation, rank);
    Dims before = take(padBefore, rank);
    Dims after = take(padAfter, rank);
    Assume.that(paddingKind != PaddingKind.SAME || s.allEqual(1));
    // The smallest input the kernel fits with explicit padding, plus some slack; 'same' and
    // 'full' pad enough for any input.
    int[] input = new int[rank];
    for (int a = 0; a < rank; a++) {
      int span = d.get(a) * (k.get(a) - 1) + 1;
      input[a] = Math.max(1, span - before.get(a) - after.get(a)) + inputSlack.get(a);
    }
    LayerSpec spec = LayerSpec.builder(Dims.of(input), k)
        .stride(s).dilation(d)
        .padding(switch (paddingKind) {
          case EXPLICIT -> Padding.explicit(before, after);
          case SAME -> Padding.same();
          case FULL -> Padding.full();
        })
        .groups(groups).channelsIn(groups * inPerGroup).channelsOut(groups * outPerGroup)
        .batch(batch).bias(bias).convention(convention)
        .build();
    LayerValues values = LayerValues.randomIntegers(spec, seed);

    EngineComparison c = EngineComparison.of("definition", DefinitionReference.run(spec, values),
        "pytorch", PyTorchEngine.load().run(spec, values));

    assertTrue(c.exact(), () -> "input " + spec.input() + ", kernel " + k + ", stride " + s
        + ", dilation " + d + ", padding " + spec.padding().describe() + ": " + c.tensors());
  }

  private static Dims take(List<Integer> values, int rank) {
    return Dims.of(values.stream().limit(rank).mapToInt(Integer::intValue).toArray());
  }
}
