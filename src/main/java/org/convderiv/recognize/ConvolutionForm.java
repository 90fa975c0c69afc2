package org.convderiv.recognize;

import java.util.List;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;

/**
 * A gradient read as a convolution, with every parameter a worksheet needs to state it.
 *
 * <ul>
 *   <li>{@code FILTER_GRADIENT}: dL/dF is the valid cross-correlation of the padded input with
 *       dL/dO as the kernel, dilated by the stride, sampled with a stride equal to the dilation
 *       (the two swap roles because {@code s*i + d*u} is symmetric in them), summed over the
 *       batch, and rotated by 180 degrees under the true convolution;
 *   <li>{@code INPUT_GRADIENT}: dL/dX is the full cross-correlation of dL/dO, dilated by the
 *       stride, with the 180-degree-rotated, dilated filter (not rotated under the true
 *       convolution, whose forward pass already rotated it), summed over output channels,
 *       extended by the {@code unread} rows the forward pass never reached, cropped by the
 *       padding;
 *   <li>{@code BIAS_GRADIENT}: dL/db is the sum of dL/dO over the batch and all positions.
 * </ul>
 *
 * <p>{@code text} is the form in the claim syntax that {@code convderiv check} reads.
 */
public record ConvolutionForm(
    Kind kind,
    Convention convention,
    Dims stride,
    Dims dilation,
    Dims padBefore,
    Dims padAfter,
    Dims unread,
    boolean sumOverBatch,
    boolean sumOverChannels,
    String text,
    List<Operand> operands) {

  public enum Kind { FILTER_GRADIENT, INPUT_GRADIENT, BIAS_GRADIENT }

  /** One grid a figure draws: a representative slice (batch 0, channel 0) of an operand. */
  public record Operand(String role, SymTensor grid) {}

  /** True when stride, dilation and padding are all trivial, as in the article. */
  public boolean isPlain() {
    return stride.allEqual(1) && dilation.allEqual(1) && padBefore.allEqual(0)
        && padAfter.allEqual(0);
  }

  public Operand operand(String role) {
    return operands.stream().filter(o -> o.role().equals(role)).findFirst().orElse(null);
  }
}
