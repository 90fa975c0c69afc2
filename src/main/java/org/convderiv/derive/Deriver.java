package org.convderiv.derive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.convderiv.chain.ChainRule;
import org.convderiv.differentiate.Differentiation;
import org.convderiv.differentiate.SymjaSession;
import org.convderiv.expand.ForwardExpansion;
import org.convderiv.expand.OutputExpansion;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.numeric.Engine;
import org.convderiv.numeric.JavaEngine;
import org.convderiv.numeric.NumericCheck;
import org.convderiv.recognize.Recognizer;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;

/** Runs the pipeline: expand, differentiate, chain rule, recognize, check. */
public final class Deriver {
  private final Engine engine;
  private final long seed;

  public Deriver() {
    this(new JavaEngine(), 1);
  }

  /**
   * @param engine the independent witness of the numeric check
   * @param seed seeds the random reals of the numeric check and its sample of elements
   */
  public Deriver(Engine engine, long seed) {
    this.engine = engine;
    this.seed = seed;
  }

  public Derivation derive(LayerSpec spec, LayerValues values) {
    SymjaSession.warmUp();
    ForwardExpansion forward = ForwardExpansion.of(spec);
    Differentiation local = Differentiation.of(forward);
    ChainRule chain = ChainRule.of(spec, local);
    var recognitions = Recognizer.recognize(spec, chain);
    Map<Variable, Polynomial> outputs = new LinkedHashMap<>();
    for (OutputExpansion e : forward.outputs()) {
      outputs.put(e.output(), e.expression());
    }
    NumericCheck check = NumericCheck.run(spec, engine, outputs, chain.asMap(), values, seed);
    return new Derivation(spec, values, Notation.of(spec), forward, local, chain, recognitions,
        check);
  }
}
