package org.convderiv.check;

import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;

/**
 * One element of a claim compared with the truth: {@code missing = truth - claimed} holds the
 * terms the claim lacks, {@code extra = claimed - truth} the terms it should not have.
 */
public record ElementResult(Variable target, Polynomial claimed, Polynomial truth,
    Polynomial missing, Polynomial extra, Counterexample counterexample) {

  static ElementResult compare(Variable target, Polynomial claimed, Polynomial truth) {
    Polynomial missing = positivePart(truth.minus(claimed));
    Polynomial extra = positivePart(claimed.minus(truth));
    return new ElementResult(target, claimed, truth, missing, extra,
        Counterexample.search(claimed, truth));
  }

  public boolean holds() {
    return claimed.equals(truth);
  }

  /**
   * The terms of a difference with a positive coefficient. The difference truth - claim has a
   * term with coefficient +c when the claim lacks c copies of it; a negative coefficient there
   * is an extra term and shows up in the other difference instead.
   */
  private static Polynomial positivePart(Polynomial difference) {
    return Polynomial.sum(difference.terms().stream().filter(m -> m.coefficient() > 0).toList());
  }
}
