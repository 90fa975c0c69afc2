package org.convderiv.differentiate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convderiv.expand.ForwardExpansion;
import org.convderiv.expand.OutputExpansion;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Monomial;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Stage 2: the local gradients dO_k/dF_i, dO_k/dX_i (and dO_k/db) of every output element, each
 * computed by Symja's {@code D}.
 *
 * <p>Why it is fast: output elements are translates of one another. Moving the input indices of
 * O_k by its window origin (batch index and {@code s*i - p}) gives a canonical expression shared
 * by every element whose window lies wholly inside the input, and by the few border patterns of
 * a padded layer. Renaming variables commutes with differentiation, so Symja differentiates each
 * distinct canonical expression once and the results are moved back. A 28x28 input with a 5x5
 * kernel needs 50 calls to {@code D} instead of 28,800. A translation keeps the order of
 * variables, so moved expressions need no re-sorting.
 */
public record Differentiation(List<LocalGradient> gradients, int symjaCalls, int patterns) {

  public static Differentiation of(ForwardExpansion forward) {
    return of(forward, SymjaSession.shared());
  }

  public static Differentiation of(ForwardExpansion forward, SymjaSession symja) {
    LayerSpec spec = forward.spec();
    Map<Polynomial, Map<Variable, Polynomial>> byPattern = new HashMap<>();
    List<LocalGradient> gradients = new ArrayList<>();
    int callsBefore = symja.calls();
    for (OutputExpansion e : forward.outputs()) {
      int[] shift = windowOrigin(spec, e.output());
      Polynomial canonical = e.expression().mapMonotone(v -> translate(v, shift, -1));
      Map<Variable, Polynomial> partials = byPattern.computeIfAbsent(
          canonical, c -> symja.partials(c, variablesOf(c)));
      // The translation keeps the order of variables, so the k-th variable of the canonical
      // expression is the k-th of the original: moving back is a lookup, not a new variable.
      List<Variable> moved = variablesOf(canonical);
      List<Variable> original = variablesOf(e.expression());
      Map<Variable, Variable> back = new HashMap<>(2 * moved.size());
      for (int k = 0; k < moved.size(); k++) {
        back.put(moved.get(k), original.get(k));
      }
      for (Variable wrt : moved) {
        Polynomial d = partials.get(wrt);
        if (!d.isZero()) {
          gradients.add(new LocalGradient(e.output(), back.get(wrt), d.mapMonotone(back::get)));
        }
      }
    }
    return new Differentiation(
        List.copyOf(gradients), symja.calls() - callsBefore, byPattern.size());
  }

  /** The local gradients with respect to one tensor, in output order. */
  public List<LocalGradient> withRespectTo(TensorName tensor) {
    return gradients.stream().filter(g -> g.wrt().tensor() == tensor).toList();
  }

  /** Batch index and padded window origin {@code s*i - p_before} of an output element. */
  private static int[] windowOrigin(LayerSpec spec, Variable output) {
    Dims o = output.index();
    int[] shift = new int[o.rank()];
    shift[0] = o.get(0);
    for (int a = 0; a < spec.rank(); a++) {
      shift[a + 2] = spec.stride().get(a) * o.get(a + 2) - spec.padBefore().get(a);
    }
    return shift;
  }

  /** Moves an input variable by {@code sign * shift}; other tensors do not move. */
  private static Variable translate(Variable v, int[] shift, int sign) {
    if (v.tensor() != TensorName.X) {
      return v;
    }
    int[] idx = v.index().toArray();
    for (int a = 0; a < idx.length; a++) {
      idx[a] += sign * shift[a];
    }
    return new Variable(TensorName.X, Dims.of(idx));
  }

  private static List<Variable> variablesOf(Polynomial p) {
    Set<Variable> vars = new LinkedHashSet<>();
    for (Monomial m : p.terms()) {
      vars.addAll(m.factors());
    }
    return List.copyOf(vars);
  }
}
