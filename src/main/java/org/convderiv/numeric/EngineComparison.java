package org.convderiv.numeric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.convderiv.layer.Tensor;

/**
 * How far two engines' results lie apart on one layer: the largest absolute difference of each
 * of O, dX, dF and db, for the worksheet and report.json.
 *
 * @param left name of the first engine, as {@link Engine#name()}
 * @param right name of the second engine
 * @param tensors one entry per tensor both results hold, in the order O, dX, dF, db
 */
public record EngineComparison(String left, String right, List<TensorDifference> tensors) {

  /** The largest absolute difference on one tensor, and whether every value is identical. */
  public record TensorDifference(String tensor, double maxAbsDifference, boolean exact) {}

  public EngineComparison {
    tensors = List.copyOf(tensors);
  }

  /**
   * Compares two runs of the same layer.
   *
   * @throws IllegalArgumentException when a tensor's shape differs, or only one run has a bias
   *     gradient: then the engines did not compute the same layer and no difference means anything
   */
  public static EngineComparison of(String left, Gradients a, String right, Gradients b) {
    List<TensorDifference> out = new ArrayList<>();
    out.add(difference("O", a.o(), b.o()));
    out.add(difference("dX", a.dx(), b.dx()));
    out.add(difference("dF", a.df(), b.df()));
    if (a.db() != null || b.db() != null) {
      if (a.db() == null || b.db() == null) {
        throw new IllegalArgumentException("bias gradient (db) must be present in both "
            + left + " and " + right + " results, or in neither");
      }
      out.add(difference("db", a.db(), b.db()));
    }
    return new EngineComparison(left, right, Collections.unmodifiableList(out));
  }

  /** The largest absolute difference over all tensors. */
  public double maxAbsDifference() {
    return tensors.stream().mapToDouble(TensorDifference::maxAbsDifference).max().orElse(0);
  }

  /** True when every value of every tensor is identical, as on small integers. */
  public boolean exact() {
    return tensors.stream().allMatch(TensorDifference::exact);
  }

  private static TensorDifference difference(String name, Tensor a, Tensor b) {
    if (!a.shape().equals(b.shape())) {
      throw new IllegalArgumentException(
          name + " shapes (" + a.shape() + " and " + b.shape() + ") must be equal");
    }
    // Not Tensor.equals: that tells 0.0 from -0.0, which autograd produces where Java gives 0.
    double d = a.maxAbsDifference(b);
    return new TensorDifference(name, d, d == 0);
  }
}
