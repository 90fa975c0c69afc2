package org.convderiv.numeric.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;

/**
 * A separate JVM for {@link PyTorchEngineLoggingTest}: loads the engine quietly or verbosely,
 * runs a layer, then makes PyTorch's C++ core raise a warning of its own (reading the gradient of
 * a tensor that is not a leaf) to see whether it reaches stderr.
 */
public final class LoggingProbe {
  private LoggingProbe() {}

  public static void main(String[] args) {
    PyTorchEngine torch = PyTorchEngine.load(args.length > 0 && args[0].equals("verbose"));
    LayerSpec spec = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));
    torch.run(spec, LayerValues.randomIntegers(spec, 1));

    Engine djl = Engine.getEngine("PyTorch");
    try (NDManager m = djl.newBaseManager(); GradientCollector c = djl.newGradientCollector()) {
      NDArray x = m.create(new double[] {1, 2});
      x.setRequiresGradient(true);
      NDArray y = x.mul(2);
      c.backward(y.sum());
      JniUtils.getGradient((PtNDArray) y);
    }
    System.out.println("ran " + torch.version());
  }
}
