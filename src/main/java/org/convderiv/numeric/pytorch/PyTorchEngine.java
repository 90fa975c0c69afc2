package org.convderiv.numeric.pytorch;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.Engine;
import org.convderiv.numeric.EngineUnavailableException;
import org.convderiv.numeric.Gradients;

/**
 * PyTorch itself, run inside the JVM through DJL: its convolution op for the forward pass and
 * its autograd for the backward pass, in float64. This is the engine students and lecturers use,
 * so a misreading of padding or stride shared by the symbolic derivation and our own engine
 * shows up here.
 *
 * <p>The layer is built from PyTorch ops the way a student would write it in Python:
 * <pre>
 *   x = F.pad(x, extra)                    # only the uneven part of the padding
 *   w = f.flip(spatial) if true convolution else f
 *   o = torch.convolution(x, w, b, stride, even_padding, dilation, groups)
 *   (o * g).sum().backward()
 * </pre>
 * PyTorch's conv ops take one padding per axis for both sides, so the part both sides share goes
 * to the op and the excess of one side to an explicit zero pad before it. Autograd runs through
 * the pad and the flip, so dX and dF come back in the user's coordinates.
 *
 * <p>The native library comes from the {@code pytorch-native-cpu} jar on the class path; DJL
 * copies it to its cache directory ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}) on the first
 * load and never downloads anything, because {@link #load} sets {@code ai.djl.offline}.
 */
public final class PyTorchEngine implements Engine {
  private static final String DJL_ENGINE = "PyTorch";
  private static final int LEADING_AXES = 2;

  private static PyTorchEngine loaded;

  private final ai.djl.engine.Engine torch;
  private final String version;

  private PyTorchEngine(ai.djl.engine.Engine torch) {
    this.torch = torch;
    this.version = "PyTorch " + torch.getVersion() + " (DJL " + ai.djl.engine.Engine.getDjlVersion()
        + ", float64, CPU)";
  }

  /** Loads the engine quietly; see {@link #load(boolean)}. */
  public static PyTorchEngine load() {
    return load(false);
  }

  /**
   * Loads PyTorch's native library once per JVM and returns the engine. Only the first call's
   * {@code verbose} counts, because both DJL's loggers and PyTorch's log level are fixed when the
   * library loads.
   *
   * <p>Quiet, DJL's lines go to the silent default of {@code simplelogger.properties} and
   * PyTorch's native warnings are dropped. Verbose, DJL logs at info level to stderr and PyTorch
   * prints its warnings there.
   *
   * @throws EngineUnavailableException when DJL or the native library cannot load here
   */
  public static synchronized PyTorchEngine load(boolean verbose) {
    if (loaded != null) {
      return loaded;
    }
    // Before DJL's first class loads: never reach for the network, only the jar's natives.
    setUnlessGiven("ai.djl.offline", "true");
    // One thread: the layers checked here are tiny, and PyTorch's thread pool made one 3x3 run
    // take 15 ms instead of 0.1 ms on a 2-core machine, its workers spinning against the JVM's.
    setUnlessGiven("ai.djl.pytorch.num_threads", "1");
    setUnlessGiven("ai.djl.pytorch.num_interop_threads", "1");
    if (verbose) {
      // Read by slf4j-simple as each DJL logger is created, which is after this line.
      System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "info");
    }
    try {
      ai.djl.engine.Engine torch = ai.djl.engine.Engine.getEngine(DJL_ENGINE);
      // The library loads lazily on the first array; load it here so failures surface now.
      try (NDManager probe = torch.newBaseManager()) {
        probe.create(new double[] {0}).toDoubleArray();
      }
      NativeLogLevel.apply(verbose);
      loaded = new PyTorchEngine(torch);
      return loaded;
    } catch (LinkageError | EngineException | IllegalArgumentException e) {
      throw unavailable(e);
    }
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** One line: what failed, from the outermost and the innermost cause, and the way out. */
  static EngineUnavailableException unavailable(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = firstLine(e);
    if (root != e && !firstLine(root).equals(detail)) {
      detail += ": " + firstLine(root);
    }
    return new EngineUnavailableException("PyTorch engine unavailable: its native library could"
        + " not load (" + detail + "); it needs Linux x86-64 and the pytorch-native-cpu jar on the"
        + " class path; use --engine java", e);
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    String line = m == null ? "" : m.lines().findFirst().orElse("").strip();
    return line.isEmpty() ? t.getClass().getSimpleName() : line;
  }

  @Override
  public String name() {
    return "pytorch";
  }

  @Override
  public String version() {
    return version;
  }

  /**
   * Runs the layer forward and backward. Synchronized because DJL allows one gradient collector
   * at a time per JVM.
   */
  @Override
  public synchronized Gradients run(LayerSpec spec, LayerValues values) {
    try (NDManager m = torch.newBaseManager();
        GradientCollector collector = torch.newGradientCollector()) {
      NDArray x = array(m, values.x());
      NDArray f = array(m, values.f());
      NDArray g = array(m, values.g());
      NDArray b = spec.bias() ? array(m, values.b()) : null;
      x.setRequiresGradient(true);
      f.setRequiresGradient(true);
      if (b != null) {
        b.setRequiresGradient(true);
      }

      NDArray o = forward(spec, x, f, b);
      // L = sum(G * O), so dL/dO = G exactly: the product's backward multiplies 1 by G.
      collector.backward(o.mul(g).sum());

      return new Gradients(
          tensor(o, LayerValues.oShape(spec)),
          tensor(x.getGradient(), LayerValues.xShape(spec)),
          tensor(f.getGradient(), LayerValues.fShape(spec)),
          b == null ? null : tensor(b.getGradient(), LayerValues.bShape(spec)));
    }
  }

  private static NDArray forward(LayerSpec spec, NDArray x, NDArray f, NDArray b) {
    int rank = spec.rank();
    long[] shared = new long[rank];
    // F.pad lists the last axis first: (before, after) of axis rank-1, then of rank-2, ...
    long[] extra = new long[2 * rank];
    boolean uneven = false;
    for (int a = 0; a < rank; a++) {
      int before = spec.padBefore().get(a);
      int after = spec.padAfter().get(a);
      shared[a] = Math.min(before, after);
      int slot = 2 * (rank - 1 - a);
      extra[slot] = before - shared[a];
      extra[slot + 1] = after - shared[a];
      uneven |= before != after;
    }
    NDArray input = uneven ? x.pad(new Shape(extra), 0) : x;

    NDArray weight = f;
    if (spec.convention() == Convention.CONVOLUTION) {
      // True convolution: the kernel turned 180 degrees on every spatial axis, then correlated.
      int[] spatial = new int[rank];
      for (int a = 0; a < rank; a++) {
        spatial[a] = LEADING_AXES + a;
      }
      weight = f.flip(spatial);
    }

    return input.getNDArrayInternal()
        .convolution(input, weight, b, shape(spec.stride()), new Shape(shared),
            shape(spec.dilation()), spec.groups())
        .singletonOrThrow();
  }

  private static NDArray array(NDManager m, Tensor t) {
    // toArray() keeps doubles, so the array is float64, as in the reference cases.
    return m.create(t.toArray(), shape(t.shape()));
  }

  private static Tensor tensor(NDArray a, Dims expected) {
    Dims actual = Dims.of(toInts(a.getShape().getShape()));
    if (!actual.equals(expected)) {
      // An internal inconsistency, not a user error: the layout formulas and PyTorch disagree.
      throw new IllegalStateException(
          "PyTorch returned shape " + actual + " where the layer has " + expected);
    }
    return new Tensor(expected, a.toDoubleArray());
  }

  private static Shape shape(Dims d) {
    long[] s = new long[d.rank()];
    for (int a = 0; a < s.length; a++) {
      s[a] = d.get(a);
    }
    return new Shape(s);
  }

  private static int[] toInts(long[] s) {
    int[] out = new int[s.length];
    for (int a = 0; a < s.length; a++) {
      out[a] = Math.toIntExact(s[a]);
    }
    return out;
  }
}
