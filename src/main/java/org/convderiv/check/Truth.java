package org.convderiv.check;

import java.util.HashMap;
import java.util.Map;
import org.convderiv.chain.ChainRule;
import org.convderiv.differentiate.Differentiation;
import org.convderiv.expand.ForwardExpansion;
import org.convderiv.expand.OutputExpansion;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Monomial;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * What the claims are checked against: the forward expansion (O element to polynomial) and the
 * gradients (X, F and b element to polynomial in dL/dO and the other operand).
 */
public record Truth(Map<Variable, Polynomial> forward, Map<Variable, Polynomial> gradients) {

  public Truth {
    forward = Map.copyOf(forward);
    gradients = Map.copyOf(gradients);
  }

  /** The true value of a claim's target; elements no product reaches are 0. */
  Polynomial of(Variable target) {
    Map<Variable, Polynomial> m = target.tensor() == TensorName.O ? forward : gradients;
    return m.getOrDefault(target, Polynomial.zero());
  }

  /**
   * The truth of the derivation pipeline: the forward expansion and the chain-rule sums that the
   * worksheets print, so the checker and the worksheets state one truth.
   */
  public static Truth derived(LayerSpec spec) {
    ForwardExpansion forward = ForwardExpansion.of(spec);
    Map<Variable, Polynomial> outputs = new HashMap<>();
    for (OutputExpansion e : forward.outputs()) {
      outputs.put(e.output(), e.expression());
    }
    ChainRule chain = ChainRule.of(spec, Differentiation.of(forward));
    return new Truth(outputs, chain.asMap());
  }

  /**
   * Sums the formulas of section 3 of the reference directly, product by product:
   * {@code O[n,co,o] = b[co] + sum F[co,ci,u] Xp[n,ci,s*o + d*u]} and, for each product, its
   * share of the three gradients.
   *
   * <p>An independent second computation: the tests hold {@link #derived} to it, and it checks
   * large layers without the pipeline's symbolic differentiation.
   */
  public static Truth fromReferenceFormulas(LayerSpec spec) {
    Map<Variable, Polynomial.Builder> o = new HashMap<>();
    Map<Variable, Polynomial.Builder> g = new HashMap<>();
    int rank = spec.rank();
    Dims out = spec.output();
    Dims k = spec.kernel();
    int cinPerGroup = spec.channelsInPerGroup();
    int coutPerGroup = spec.channelsOutPerGroup();
    for (int n = 0; n < spec.batch(); n++) {
      for (int co = 0; co < spec.channelsOut(); co++) {
        int group = co / coutPerGroup;
        for (int p = 0; p < out.volume(); p++) {
          int[] oi = out.indexAt(p);
          Variable ov = variable(TensorName.O, n, co, oi);
          Variable gv = variable(TensorName.G, n, co, oi);
          Polynomial.Builder forward = o.computeIfAbsent(ov, v -> new Polynomial.Builder());
          if (spec.bias()) {
            Variable bv = Variable.of(TensorName.B, co);
            forward.add(Monomial.of(bv));
            g.computeIfAbsent(bv, v -> new Polynomial.Builder()).add(Monomial.of(gv));
          }
          for (int ci = 0; ci < cinPerGroup; ci++) {
            for (int u = 0; u < k.volume(); u++) {
              int[] ku = k.indexAt(u);
              int[] xi = new int[rank];
              int[] fi = new int[rank];
              boolean inside = true;
              for (int a = 0; a < rank; a++) {
                xi[a] = spec.stride().get(a) * oi[a] + spec.dilation().get(a) * ku[a]
                    - spec.padBefore().get(a);
                inside &= xi[a] >= 0 && xi[a] < spec.input().get(a);
                // A true convolution reads the kernel flipped on every spatial axis.
                fi[a] = spec.convention() == Convention.CONVOLUTION ? k.get(a) - 1 - ku[a] : ku[a];
              }
              if (!inside) {
                continue;
              }
              Variable xv = variable(TensorName.X, n, group * cinPerGroup + ci, xi);
              Variable fv = variable(TensorName.F, co, ci, fi);
              forward.add(Monomial.of(fv, xv));
              g.computeIfAbsent(xv, v -> new Polynomial.Builder()).add(Monomial.of(gv, fv));
              g.computeIfAbsent(fv, v -> new Polynomial.Builder()).add(Monomial.of(gv, xv));
            }
          }
        }
      }
    }
    return new Truth(build(o), build(g));
  }

  private static Variable variable(TensorName t, int first, int second, int[] spatial) {
    int[] full = new int[spatial.length + 2];
    full[0] = first;
    full[1] = second;
    System.arraycopy(spatial, 0, full, 2, spatial.length);
    return new Variable(t, Dims.of(full));
  }

  private static Map<Variable, Polynomial> build(Map<Variable, Polynomial.Builder> m) {
    Map<Variable, Polynomial> out = new HashMap<>();
    m.forEach((v, b) -> out.put(v, b.build()));
    return out;
  }
}
