package org.convderiv.casefile;

import java.nio.file.Path;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.numeric.Gradients;

/**
 * One reference case as {@link CaseFiles#read} found it: the layer, its values (X, F, the upstream
 * gradient G and, with a bias, b) and the forward output and gradients it expects.
 *
 * @param name the file's {@code name} field, or the file name without {@code .json}
 * @param source what computed the expected values, or null when the file does not say
 */
public record CaseFile(
    Path path, String name, String source, LayerSpec spec, LayerValues values,
    Gradients expected) {}
