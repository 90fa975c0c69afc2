package org.convderiv.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.convderiv.term.Monomial;
import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;

/**
 * Small integer values for which a claim and the truth differ, with both results. Values are
 * exact: products of small integers stay far below the range of {@code long}.
 */
public record Counterexample(Map<Variable, Long> values, long claimed, long truth) {

  /** Tries this many deterministic assignments before giving up (see {@link #search}). */
  private static final int ATTEMPTS = 256;

  public Counterexample {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Searches values 1..5 with seeded random draws, the same on every run. A nonzero polynomial of
   * degree at most two in each variable cannot vanish on all of {1..5}^n, and a random point
   * of that grid misses a root with probability at least 3/5 per term of the degree, so the
   * first few draws succeed. Returns null only for equal polynomials.
   */
  public static Counterexample search(Polynomial claimed, Polynomial truth) {
    if (claimed.equals(truth)) {
      return null;
    }
    TreeSet<Variable> vars = new TreeSet<>();
    for (Polynomial p : List.of(claimed, truth)) {
      for (Monomial m : p.terms()) {
        vars.addAll(m.factors());
      }
    }
    List<Variable> ordered = new ArrayList<>(vars);
    for (int seed = 0; seed < ATTEMPTS; seed++) {
      Map<Variable, Long> values = new LinkedHashMap<>();
      Random random = new Random(seed);
      for (Variable v : ordered) {
        // Seed 0 tries all ones, the simplest values a reader can verify by hand.
        values.put(v, seed == 0 ? 1L : 1L + random.nextInt(5));
      }
      long c = evaluate(claimed, values);
      long t = evaluate(truth, values);
      if (c != t) {
        return new Counterexample(values, c, t);
      }
    }
    return null;
  }

  static long evaluate(Polynomial p, Map<Variable, Long> values) {
    long sum = 0;
    for (Monomial m : p.terms()) {
      long product = m.coefficient();
      for (Variable v : m.factors()) {
        product = Math.multiplyExact(product, values.get(v));
      }
      sum = Math.addExact(sum, product);
    }
    return sum;
  }
}
