package org.convderiv.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.convderiv.differentiate.Differentiation;
import org.convderiv.differentiate.LocalGradient;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.term.Monomial;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Stage 3: the chain rule with the upstream gradient dL/dO kept as symbols G. Every element of
 * X, F and b gets its sum, including elements no output reads (their sum is empty, so 0).
 */
public record ChainRule(List<ChainRuleSum> input, List<ChainRuleSum> filter,
    List<ChainRuleSum> bias) {

  public static ChainRule of(LayerSpec spec, Differentiation local) {
    Map<Variable, List<LocalGradient>> byTarget = new TreeMap<>();
    for (LocalGradient g : local.gradients()) {
      byTarget.computeIfAbsent(g.wrt(), k -> new ArrayList<>()).add(g);
    }
    return new ChainRule(
        sums(TensorName.X, LayerValues.xShape(spec), byTarget),
        sums(TensorName.F, LayerValues.fShape(spec), byTarget),
        spec.bias() ? sums(TensorName.B, LayerValues.bShape(spec), byTarget) : List.of());
  }

  private static List<ChainRuleSum> sums(
      TensorName tensor, Dims shape, Map<Variable, List<LocalGradient>> byTarget) {
    List<ChainRuleSum> out = new ArrayList<>((int) shape.volume());
    for (int k = 0; k < shape.volume(); k++) {
      Variable target = new Variable(tensor, Dims.of(shape.indexAt(k)));
      List<LocalGradient> contributions = byTarget.getOrDefault(target, List.of());
      Polynomial.Builder value = new Polynomial.Builder();
      for (LocalGradient c : contributions) {
        Variable g = upstream(c.output());
        for (Monomial m : c.value().terms()) {
          List<Variable> factors = new ArrayList<>(m.factors().size() + 1);
          factors.add(g);
          factors.addAll(m.factors());
          value.add(new Monomial(m.coefficient(), factors));
        }
      }
      out.add(new ChainRuleSum(target, List.copyOf(contributions), value.build()));
    }
    return List.copyOf(out);
  }

  /** dL/dO_k as a symbol: the element of G at the index of O_k. */
  public static Variable upstream(Variable output) {
    return new Variable(TensorName.G, output.index());
  }

  /** Every gradient element, target to value, in tensor then index order. */
  public Map<Variable, Polynomial> asMap() {
    Map<Variable, Polynomial> m = new LinkedHashMap<>();
    for (List<ChainRuleSum> list : List.of(input, filter, bias)) {
      for (ChainRuleSum s : list) {
        m.put(s.target(), s.value());
      }
    }
    return m;
  }

  /** The sums for one tensor. */
  public List<ChainRuleSum> of(TensorName tensor) {
    return switch (tensor) {
      case X -> input;
      case F -> filter;
      case B -> bias;
      default -> throw new IllegalArgumentException("no gradient is derived for " + tensor);
    };
  }
}
