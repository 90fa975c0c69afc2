package org.convderiv.recognize;

/**
 * A convolution form and its proof: every element of the gradient, re-expanded from the form,
 * compared term for term with the chain-rule result. {@code mismatch} is null when proved.
 */
public record Recognition(
    ConvolutionForm form, boolean proved, int elementsCompared, Mismatch mismatch) {}
