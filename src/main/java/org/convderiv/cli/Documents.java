package org.convderiv.cli;

import java.util.Set;
import org.convderiv.derive.Derivation;
import org.convderiv.render.OutputFolder;

/** Renders the requested worksheet formats of a derivation into an output folder. */
final class Documents {
  private Documents() {}

  static void add(OutputFolder folder, Derivation d, Set<String> formats) {
    // Worksheets are wired in by the render stage.
  }
}
