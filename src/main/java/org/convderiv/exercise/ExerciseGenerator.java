package org.convderiv.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convderiv.chain.ChainRuleSum;
import org.convderiv.derive.Derivation;
import org.convderiv.derive.Deriver;
import org.convderiv.expand.OutputExpansion;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.numeric.JavaEngine;
import org.convderiv.term.Variable;

/**
 * Draws exercises from one seed: the layer (unless fixed), the small integers and the elements
 * the questions name. Everything comes from a single {@link Random} in a fixed order, so the same
 * seed gives the same sheet on every machine and run.
 */
public final class ExerciseGenerator {
  /** Most exercises on one sheet: each is derived in full, and a sheet is read by people. */
  public static final int MAX_COUNT = 50;

  private final long seed;

  public ExerciseGenerator(long seed) {
    this.seed = seed;
  }

  /**
   * Draws {@code count} exercises.
   *
   * @param fixed the layer of every exercise, or null for a random small layer per exercise
   */
  public List<Exercise> generate(int count, LayerSpec fixed) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException(
          "count (" + count + ") must be between 1 and " + MAX_COUNT);
    }
    Random random = new Random(seed);
    List<Exercise> out = new ArrayList<>(count);
    for (int k = 1; k <= count; k++) {
      LayerSpec spec = fixed != null ? fixed : randomLayer(random);
      long valueSeed = random.nextLong();
      LayerValues values = LayerValues.randomIntegers(spec, valueSeed);
      Derivation d = new Deriver(new JavaEngine(), valueSeed).derive(spec, values);
      out.add(new Exercise(k, d, pickOutput(d, random),
          pickReached(d.chain().filter(), random), pickReached(d.chain().input(), random)));
    }
    return List.copyOf(out);
  }

  /**
   * A layer small enough to work by hand: a 2-D input of 3 to 5 per axis, a square kernel of 2
   * or 3, one or two channels on each side, and now and then stride 2 or padding 1 (never both,
   * which would make one exercise carry two new ideas at once). Under stride 2 the input is
   * sized so that the kernel's last step ends on its last row and column: rows the forward pass
   * never reads are a subtlety for a worksheet, not for a first exercise.
   */
  static LayerSpec randomLayer(Random random) {
    int rows = 3 + random.nextInt(3);
    int cols = 3 + random.nextInt(3);
    int k = 2 + random.nextInt(2);
    int channelsIn = 1 + random.nextInt(2);
    int channelsOut = 1 + random.nextInt(2);
    int variant = random.nextInt(4);
    if (variant == 1) {
      // (n - k) even: 3..5 holds a size of each parity, so one step settles it.
      rows += (rows - k) % 2 == 0 ? 0 : (rows == 5 ? -1 : 1);
      cols += (cols - k) % 2 == 0 ? 0 : (cols == 5 ? -1 : 1);
    }
    LayerSpec.Builder b = LayerSpec.builder(Dims.of(rows, cols), Dims.of(k, k))
        .channelsIn(channelsIn).channelsOut(channelsOut);
    if (variant == 1) {
      b.stride(Dims.of(2, 2));
    } else if (variant == 2) {
      b.padding(Padding.explicit(Dims.of(1, 1), Dims.of(1, 1)));
    }
    return b.build();
  }

  private static Variable pickOutput(Derivation d, Random random) {
    List<OutputExpansion> outputs = d.forward().outputs();
    return outputs.get(random.nextInt(outputs.size())).output();
  }

  /**
   * An element whose gradient has at least one term: an element the forward pass never reads
   * (a row left over by the stride) has gradient 0, too trivial to ask about.
   */
  private static Variable pickReached(List<ChainRuleSum> sums, Random random) {
    List<ChainRuleSum> reached = sums.stream().filter(s -> s.value().size() > 0).toList();
    List<ChainRuleSum> pool = reached.isEmpty() ? sums : reached;
    return pool.get(random.nextInt(pool.size())).target();
  }
}
