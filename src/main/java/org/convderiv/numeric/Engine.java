package org.convderiv.numeric;

import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;

/**
 * A concrete convolution engine: the independent witness the symbolic derivation is checked
 * against. Implementations share no code with the expansion or differentiation stages.
 */
public interface Engine {

  /** Short name as the user selects it: {@code java}, {@code pytorch}. */
  String name();

  /** What produced the numbers, with its version, for the worksheet and report. */
  String version();

  /** Forward pass and backward pass with {@code values.g()} as the upstream gradient. */
  Gradients run(LayerSpec spec, LayerValues values);

  /** The forward output alone; engines override it when they can skip the backward pass. */
  default Tensor forward(LayerSpec spec, LayerValues values) {
    return run(spec, values).o();
  }
}
