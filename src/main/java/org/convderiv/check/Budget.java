package org.convderiv.check;

/**
 * Limits the work one claim's evaluation may do: a count of terms produced and a deadline. A
 * claim built to explode (products of long sums, huge dilations) is stopped with a message
 * instead of exhausting memory or time.
 */
final class Budget {
  private final long maxTerms;
  private final long deadline;
  private final long millis;
  private long spent;

  Budget(long maxTerms, long millis) {
    this.maxTerms = maxTerms;
    this.millis = millis;
    this.deadline = System.nanoTime() + millis * 1_000_000L;
  }

  /** Accounts for {@code terms} more terms; throws once the budget or the deadline is passed. */
  void spend(long terms, int column) {
    spent += terms;
    if (terms < 0 || spent > maxTerms) {
      throw new ClaimException(column, "evaluation stopped: the claim needs more than "
          + maxTerms + " terms");
    }
    if (System.nanoTime() > deadline) {
      throw new ClaimException(column, "evaluation stopped: the claim took longer than "
          + millis + " ms");
    }
  }
}
