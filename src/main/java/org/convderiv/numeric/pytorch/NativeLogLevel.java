package org.convderiv.numeric.pytorch;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;

/**
 * The level below which PyTorch's C++ core drops its log lines, among them every warning raised
 * with {@code TORCH_WARN}, which it prints straight to the process's stderr. Python's torch sets
 * it from {@code TORCH_CPP_LOG_LEVEL} at import; through DJL nothing does, so it stays at
 * WARNING. It is the exported int flag {@code FLAGS_caffe2_log_level} of {@code libc10}, which
 * JNA (already brought by DJL) can write once the library is loaded.
 */
final class NativeLogLevel {
  private static final String FLAG = "FLAGS_caffe2_log_level";
  // c10's severities: INFO 0, WARNING 1, ERROR 2, FATAL 3. Errors reach Java as exceptions.
  private static final int WARNING = 1;
  private static final int ERROR = 2;

  private NativeLogLevel() {}

  /** Lets PyTorch's warnings through when verbose, drops them otherwise. */
  static void apply(boolean verbose) {
    try {
      Path c10 = Path.of(LibUtils.getLibtorchPath(), System.mapLibraryName("c10"));
      NativeLibrary.getInstance(c10.toString())
          .getGlobalVariableAddress(FLAG)
          .setInt(0, verbose ? WARNING : ERROR);
    } catch (LinkageError | RuntimeException e) {
      // Limitation: a libtorch build without this flag keeps its default level, so its warnings
      // may reach stderr; the engine itself still runs.
    }
  }
}
