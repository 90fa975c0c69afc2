package org.convderiv.derive;

import java.util.List;
import java.util.Map;
import org.convderiv.chain.ChainRule;
import org.convderiv.differentiate.Differentiation;
import org.convderiv.expand.ForwardExpansion;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.numeric.NumericCheck;
import org.convderiv.recognize.Recognition;
import org.convderiv.term.Notation;

/** Everything one run derives about one layer, stage by stage, ready to be rendered. */
public record Derivation(
    LayerSpec spec,
    LayerValues values,
    Notation notation,
    ForwardExpansion forward,
    Differentiation local,
    ChainRule chain,
    List<Recognition> recognitions,
    NumericCheck check,
    Map<String, Long> stageNanos) {

  /** True when every form was proved and every numeric comparison held. */
  public boolean holds() {
    return check.passed() && recognitions.stream().allMatch(Recognition::proved);
  }
}
