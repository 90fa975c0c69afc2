package org.convderiv.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.convderiv.derive.Derivation;
import org.convderiv.derive.Deriver;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;

/** Derivations and rendered worksheets shared by the render tests, derived once per layer. */
final class Worksheets {
  private static final Map<String, Derivation> CACHE = new ConcurrentHashMap<>();

  private Worksheets() {}

  static Derivation derive(LayerSpec spec) {
    String key = spec.toString();
    return CACHE.computeIfAbsent(key,
        k -> new Deriver().derive(spec, LayerValues.randomIntegers(spec, 7)));
  }

  /** The article's case with the values of cases/article-3x3-2x2.json. */
  static Derivation article() {
    LayerSpec spec = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));
    return CACHE.computeIfAbsent("article", k -> new Deriver().derive(spec, new LayerValues(
        new Tensor(Dims.of(1, 1, 3, 3), new double[] {-3, 0, 1, 0, 0, 3, -3, 2, -3}),
        new Tensor(Dims.of(1, 1, 2, 2), new double[] {0, 1, 2, -1}),
        new Tensor(Dims.of(1, 1, 2, 2), new double[] {1, 1, -2, 0}), null)));
  }

  static Map<String, String> render(Derivation d, String name) {
    return new WorksheetWriter(new TemplateEngine()).render(WorksheetModel.of(d, name));
  }
}
