package org.convderiv.term;

import java.util.Comparator;
import org.convderiv.layer.Dims;

/**
 * One scalar symbol: an element of a named tensor at a full index (batch and channel axes
 * included, 0-based). How it prints is decided by the renderer, not here.
 */
public record Variable(TensorName tensor, Dims index) implements Comparable<Variable> {

  private static final Comparator<Variable> ORDER =
      Comparator.comparing(Variable::tensor).thenComparing(Variable::index);

  public static Variable of(TensorName tensor, int... index) {
    return new Variable(tensor, Dims.of(index));
  }

  @Override
  public int compareTo(Variable o) {
    return ORDER.compare(this, o);
  }

  /** A plain, unambiguous form for reports and logs: {@code X[0,0,1,2]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(tensor.name()).append('[');
    for (int a = 0; a < index.rank(); a++) {
      sb.append(a == 0 ? "" : ",").append(index.get(a));
    }
    return sb.append(']').toString();
  }
}
