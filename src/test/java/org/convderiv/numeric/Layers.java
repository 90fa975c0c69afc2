package org.convderiv.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;

/** Small layer manipulations for tests. */
final class Layers {

  private Layers() {}

  /** The same layer with another convention; paddings carried over side by side. */
  static LayerSpec withConvention(LayerSpec spec, Convention convention) {
    return LayerSpec.builder(spec.input(), spec.kernel())
        .batch(spec.batch()).channelsIn(spec.channelsIn()).channelsOut(spec.channelsOut())
        .groups(spec.groups()).stride(spec.stride()).dilation(spec.dilation())
        .padding(Padding.explicit(spec.padBefore(), spec.padAfter()))
        .bias(spec.bias()).convention(convention).build();
  }

  /** Mirrors every axis after the first two (batch or channels): the 180-degree rotation. */
  static Tensor flipSpatial(Tensor t) {
    Dims shape = t.shape();
    double[] out = new double[t.size()];
    for (int i = 0; i < out.length; i++) {
      int[] idx = shape.indexAt(i);
      for (int a = 2; a < idx.length; a++) {
        idx[a] = shape.get(a) - 1 - idx[a];
      }
      out[shape.offsetOf(idx)] = t.at(i);
    }
    return new Tensor(shape, out);
  }

  /**
   * Asserts that the true convolution of {@code spec} equals cross-correlation with the kernel
   * flipped on every spatial axis, its filter gradient flipped back, at integers from {@code seed}.
   */
  static void assertConvolutionIsFlippedCorrelation(Engine engine, LayerSpec spec, long seed) {
    LayerSpec conv = withConvention(spec, Convention.CONVOLUTION);
    LayerSpec xcorr = withConvention(spec, Convention.CROSS_CORRELATION);
    LayerValues v = LayerValues.randomIntegers(conv, seed);
    LayerValues flipped = new LayerValues(v.x(), flipSpatial(v.f()), v.g(), v.b());
    Gradients byConvolution = engine.run(conv, v);
    Gradients byCorrelation = engine.run(xcorr, flipped);
    assertEquals(byCorrelation.o(), byConvolution.o());
    assertEquals(byCorrelation.dx(), byConvolution.dx());
    assertEquals(flipSpatial(byCorrelation.df()),
        byConvolution.df());
  }
}
