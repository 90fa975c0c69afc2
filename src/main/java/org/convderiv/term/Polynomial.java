package org.convderiv.term;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * A sum of monomials in canonical form: like products merged, zero coefficients dropped, terms
 * sorted. Two polynomials are equal exactly when they are the same expression term for term,
 * which is what proving a recognized convolution needs.
 */
public final class Polynomial {
  private static final Polynomial ZERO = new Polynomial(List.of());

  private final List<Monomial> terms;

  private Polynomial(List<Monomial> terms) {
    this.terms = terms;
  }

  public static Polynomial zero() {
    return ZERO;
  }

  public static Polynomial of(Variable v) {
    return new Polynomial(List.of(Monomial.of(v)));
  }

  public static Polynomial constant(long c) {
    return c == 0 ? ZERO : new Polynomial(List.of(new Monomial(c, List.of())));
  }

  public static Polynomial sum(Iterable<Monomial> monomials) {
    Builder b = new Builder();
    for (Monomial m : monomials) {
      b.add(m);
    }
    return b.build();
  }

  public List<Monomial> terms() {
    return terms;
  }

  public boolean isZero() {
    return terms.isEmpty();
  }

  public int size() {
    return terms.size();
  }

  public Polynomial plus(Polynomial other) {
    Builder b = new Builder();
    terms.forEach(b::add);
    other.terms.forEach(b::add);
    return b.build();
  }

  public Polynomial times(Polynomial other) {
    Builder b = new Builder();
    for (Monomial m : terms) {
      for (Monomial n : other.terms) {
        b.add(m.times(n));
      }
    }
    return b.build();
  }

  /** Renames every variable; used to move a expression by a translation of indices. */
  public Polynomial map(UnaryOperator<Variable> rename) {
    Builder b = new Builder();
    for (Monomial m : terms) {
      b.add(new Monomial(m.coefficient(), m.factors().stream().map(rename).toList()));
    }
    return b.build();
  }

  /**
   * Renames every variable with a map that keeps their order, such as a translation of input
   * indices; the terms stay sorted and distinct, so no re-sorting is needed. Falls back to
   * {@link #map} when the order is not kept after all.
   */
  public Polynomial mapMonotone(UnaryOperator<Variable> rename) {
    List<Monomial> out = new ArrayList<>(terms.size());
    for (Monomial m : terms) {
      List<Variable> f = new ArrayList<>(m.factors().size());
      for (Variable v : m.factors()) {
        f.add(rename.apply(v));
      }
      Monomial renamed = new Monomial(m.coefficient(), f);
      if (!out.isEmpty() && out.get(out.size() - 1).compareTo(renamed) >= 0) {
        return map(rename);
      }
      out.add(renamed);
    }
    return out.isEmpty() ? ZERO : new Polynomial(Collections.unmodifiableList(out));
  }

  /** Terms of this polynomial that {@code other} lacks (with the coefficient difference). */
  public Polynomial minus(Polynomial other) {
    Builder b = new Builder();
    terms.forEach(b::add);
    for (Monomial m : other.terms) {
      b.add(new Monomial(-m.coefficient(), m.factors()));
    }
    return b.build();
  }

  /** The value at a point, factors looked up by {@code value}. */
  public double evaluate(ToDoubleFunction<Variable> value) {
    double sum = 0;
    for (Monomial m : terms) {
      double p = m.coefficient();
      for (Variable v : m.factors()) {
        p *= value.applyAsDouble(v);
      }
      sum += p;
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Polynomial p && terms.equals(p.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  @Override
  public String toString() {
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Monomial m : terms) {
      String t = m.toString();
      if (sb.length() > 0) {
        sb.append(t.startsWith("-") ? " - " + t.substring(1) : " + " + t);
      } else {
        sb.append(t);
      }
    }
    return sb.toString();
  }

  /** Accumulates monomials, merging like products. */
  public static final class Builder {
    private final Map<Monomial, Long> sums = new TreeMap<>();

    public Builder add(Monomial m) {
      if (m.coefficient() != 0) {
        Monomial key = m.coefficient() == 1 ? m : new Monomial(1, m.factors());
        sums.merge(key, m.coefficient(), Math::addExact);
      }
      return this;
    }

    public Builder add(Polynomial p) {
      p.terms.forEach(this::add);
      return this;
    }

    public Polynomial build() {
      List<Monomial> out = new ArrayList<>(sums.size());
      for (Map.Entry<Monomial, Long> e : sums.entrySet()) {
        if (e.getValue() != 0) {
          out.add(e.getValue() == 1 ? e.getKey()
              : new Monomial(e.getValue(), e.getKey().factors()));
        }
      }
      return out.isEmpty() ? ZERO : new Polynomial(Collections.unmodifiableList(out));
    }
  }
}
