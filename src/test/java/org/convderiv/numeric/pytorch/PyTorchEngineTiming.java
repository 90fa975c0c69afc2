package org.convderiv.numeric.pytorch;

import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.numeric.Gradients;

/**
 * Prints what the PyTorch engine costs: the first load of the native library and the time of
 * one forward and backward run, for the classic 3x3/2x2 layer and a 28x28/5x5 one. A program,
 * not a test, because wall-clock times are measured, never asserted. Run it with the test class
 * path: {@code java -cp target/test-classes:target/classes:<deps> ...PyTorchEngineTiming}.
 */
public final class PyTorchEngineTiming {
  private static final int WARM_UP = 20;
  private static final int RUNS = 200;

  private PyTorchEngineTiming() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    PyTorchEngine torch = PyTorchEngine.load();
    System.out.printf("first load: %.0f ms (%s)%n", millis(System.nanoTime() - start),
        torch.version());

    time(torch, "3x3 / 2x2", LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2)));
    time(torch, "28x28 / 5x5", LayerSpec.classic(Dims.of(28, 28), Dims.of(5, 5)));
    time(torch, "28x28 / 5x5, 3 -> 8 channels, bias", LayerSpec.builder(
        Dims.of(28, 28), Dims.of(5, 5)).channelsIn(3).channelsOut(8).bias(true).build());
  }

  private static void time(PyTorchEngine torch, String label, LayerSpec spec) {
    LayerValues values = LayerValues.randomIntegers(spec, 1);
    long first = System.nanoTime();
    Gradients g = torch.run(spec, values);
    double firstMs = millis(System.nanoTime() - first);
    for (int i = 0; i < WARM_UP; i++) {
      torch.run(spec, values);
    }
    long start = System.nanoTime();
    for (int i = 0; i < RUNS; i++) {
      g = torch.run(spec, values);
    }
    System.out.printf("%s: first run %.2f ms, then %.3f ms per run (mean of %d); O %s%n", label,
        firstMs, millis(System.nanoTime() - start) / RUNS, RUNS, g.o().shape());
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
