package org.convderiv.check;

import java.util.List;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * The verdict on one claim. {@code wrong} lists the elements that differ from the truth (one for
 * a scalar claim). For a whole-tensor claim of the wrong shape, {@code claimedShape} and
 * {@code trueShape} say how (axes and sizes) and no element is compared.
 */
public record ClaimResult(int line, String text, TensorName tensor, Variable element,
    boolean gradient, int elementsCompared, List<ElementResult> wrong, String claimedShape,
    String trueShape) {

  public ClaimResult {
    wrong = List.copyOf(wrong);
  }

  public boolean holds() {
    return wrong.isEmpty() && claimedShape == null;
  }

  public boolean shapeDiffers() {
    return claimedShape != null;
  }
}
