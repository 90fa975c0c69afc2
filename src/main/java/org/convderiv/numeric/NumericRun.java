package org.convderiv.numeric;

import org.convderiv.layer.LayerValues;

/**
 * One numeric comparison at one set of values. With small integers ({@code exact}) the symbolic
 * gradient must equal the engine's bit for bit; with random reals, within
 * {@link Tolerance#GRADCHECK}. Finite differences always get the tolerance.
 *
 * @param engineName the name of the engine compared with
 * @param finiteDifferenceElements how many elements were differentiated numerically (all of a
 *     small layer, a stated sample of a large one)
 */
public record NumericRun(
    String engineName,
    String label,
    LayerValues values,
    Gradients symbolic,
    Gradients engine,
    double maxEngineDifference,
    double maxFiniteDifference,
    int finiteDifferenceElements,
    int totalElements,
    boolean exact,
    boolean passed) {}
