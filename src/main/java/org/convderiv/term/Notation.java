package org.convderiv.term;

import java.util.ArrayList;
import java.util.List;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;

/**
 * How one document writes indices. Indices print 1-based, row before column. Batch and channel
 * indices appear only when that axis has more than one entry, so the classic case reads
 * {@code X_{11}} as in the article. While every size is below 10 the digits are run together
 * ({@code X_{12}}); from 10 on they are separated by commas ({@code X_{10,2}}), for every index of
 * the document, never mixed.
 */
public record Notation(
    boolean compact,
    boolean showBatch,
    boolean showChannelIn,
    boolean showChannelOut,
    boolean showFilterChannelIn) {

  public static Notation of(LayerSpec spec) {
    int largest = Math.max(
        Math.max(spec.input().max(), spec.output().max()),
        Math.max(spec.kernel().max(),
            Math.max(spec.batch(), Math.max(spec.channelsIn(), spec.channelsOut()))));
    return new Notation(largest < 10, spec.batch() > 1, spec.channelsIn() > 1,
        spec.channelsOut() > 1, spec.channelsInPerGroup() > 1);
  }

  /** The 1-based indices this document shows for {@code v}, leading axes dropped as stated. */
  public int[] shownIndex(Variable v) {
    Dims idx = v.index();
    List<Integer> shown = new ArrayList<>();
    if (v.tensor() == TensorName.B) {
      if (showChannelOut) {
        shown.add(idx.get(0) + 1);
      }
      return shown.stream().mapToInt(Integer::intValue).toArray();
    }
    boolean first;
    boolean second;
    switch (v.tensor()) {
      case X -> { first = showBatch; second = showChannelIn; }
      case F -> { first = showChannelOut; second = showFilterChannelIn; }
      default -> { first = showBatch; second = showChannelOut; }
    }
    if (first) {
      shown.add(idx.get(0) + 1);
    }
    if (second) {
      shown.add(idx.get(1) + 1);
    }
    for (int a = 2; a < idx.rank(); a++) {
      shown.add(idx.get(a) + 1);
    }
    return shown.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The index as printed: {@code 12} or {@code 10,2}; empty for a scalar such as {@code b}. */
  public String indexText(Variable v) {
    int[] shown = shownIndex(v);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shown.length; i++) {
      if (i > 0 && !compact) {
        sb.append(',');
      }
      sb.append(shown[i]);
    }
    return sb.toString();
  }

  /**
   * The full 0-based index of a shown index, the inverse of {@link #shownIndex}: hidden leading
   * axes are 0. Returns null when the count of indices does not fit the tensor.
   */
  public Dims fullIndex(TensorName tensor, int[] shown, int spatialRank) {
    if (tensor == TensorName.B) {
      if (shown.length != (showChannelOut ? 1 : 0)) {
        return null;
      }
      return Dims.of(showChannelOut ? shown[0] - 1 : 0);
    }
    boolean first;
    boolean second;
    switch (tensor) {
      case X -> { first = showBatch; second = showChannelIn; }
      case F -> { first = showChannelOut; second = showFilterChannelIn; }
      default -> { first = showBatch; second = showChannelOut; }
    }
    int expected = spatialRank + (first ? 1 : 0) + (second ? 1 : 0);
    if (shown.length != expected) {
      return null;
    }
    int[] full = new int[spatialRank + 2];
    int k = 0;
    full[0] = first ? shown[k++] - 1 : 0;
    full[1] = second ? shown[k++] - 1 : 0;
    for (int a = 0; a < spatialRank; a++) {
      full[a + 2] = shown[k++] - 1;
    }
    return Dims.of(full);
  }
}
