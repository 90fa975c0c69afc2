package org.convderiv.term;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An integer coefficient times a product of variables kept in {@link Variable} order. */
public record Monomial(long coefficient, List<Variable> factors) implements Comparable<Monomial> {

  public Monomial {
    factors = isSorted(factors) ? List.copyOf(factors) : sortedCopy(factors);
  }

  private static boolean isSorted(List<Variable> factors) {
    for (int i = 1; i < factors.size(); i++) {
      if (factors.get(i - 1).compareTo(factors.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static List<Variable> sortedCopy(List<Variable> factors) {
    List<Variable> sorted = new ArrayList<>(factors);
    Collections.sort(sorted);
    return List.copyOf(sorted);
  }

  public static Monomial of(Variable... factors) {
    return new Monomial(1, List.of(factors));
  }

  public Monomial times(Monomial other) {
    List<Variable> all = new ArrayList<>(factors);
    all.addAll(other.factors);
    return new Monomial(Math.multiplyExact(coefficient, other.coefficient), all);
  }

  /** Compares the products only, ignoring the coefficient. */
  @Override
  public int compareTo(Monomial o) {
    int n = Math.min(factors.size(), o.factors.size());
    for (int i = 0; i < n; i++) {
      int c = factors.get(i).compareTo(o.factors.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(factors.size(), o.factors.size());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (coefficient != 1 || factors.isEmpty()) {
      sb.append(coefficient);
    }
    for (Variable v : factors) {
      sb.append(sb.length() == 0 ? "" : "*").append(v);
    }
    return sb.toString();
  }
}
