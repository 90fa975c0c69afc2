package org.convderiv.cli;

import java.util.List;
import java.util.Locale;
import org.convderiv.numeric.Engine;
import org.convderiv.numeric.JavaEngine;
import org.convderiv.numeric.pytorch.PyTorchEngine;

/** The engines named by {@code --engine}. */
final class Engines {
  private Engines() {}

  static List<Engine> select(String name, boolean verbose) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "java" -> List.of(new JavaEngine());
      case "pytorch" -> List.of(PyTorchEngine.load(verbose));
      case "both" -> List.of(new JavaEngine(), PyTorchEngine.load(verbose));
      default -> throw new IllegalArgumentException(
          "engine (" + name + ") must be java, pytorch or both");
    };
  }
}
