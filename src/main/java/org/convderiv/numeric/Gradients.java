package org.convderiv.numeric;

import org.convderiv.layer.Tensor;

/**
 * The forward output and the three gradients of {@code L = sum(G * O)} for one layer, in the
 * layouts of {@link org.convderiv.layer.LayerSpec}. {@code db} is null for a layer without bias.
 */
public record Gradients(Tensor o, Tensor dx, Tensor df, Tensor db) {}
