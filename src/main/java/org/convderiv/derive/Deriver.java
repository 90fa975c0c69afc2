package org.convderiv.derive;

import java.util.LinkedHashMap;
import java.util.List;
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
  private final List<Engine> engines;
  private final long seed;

  public Deriver() {
    this(new JavaEngine(), 1);
  }

  /**
   * @param engine the independent witness of the numeric check
   * @param seed seeds the random reals of the numeric check and its sample of elements
   */
  public Deriver(Engine engine, long seed) {
    this(List.of(engine), seed);
  }

  /**
   * @param engines the witnesses of the numeric check; with two, they are also compared with
   *     each other
   * @param seed seeds the random reals of the numeric check and its sample of elements
   */
  public Deriver(List<Engine> engines, long seed) {
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("engines (none) must name at least one engine");
    }
    this.engines = List.copyOf(engines);
    this.seed = seed;
  }

  public Derivation derive(LayerSpec spec, LayerValues values) {
    SymjaSession.warmUp();
    StageTimer timer = new StageTimer();
    // The engines need nothing symbolic: run them while Symja loads on its own thread.
    List<NumericCheck.Evidence> evidence = timer.time("numeric engines",
        () -> NumericCheck.gather(spec, engines, values, seed));
    ForwardExpansion forward = timer.time("expand", () -> ForwardExpansion.of(spec));
    // Candidate forms need only the layer: also built before Symja is needed.
    var candidates = timer.time("candidate forms", () -> Recognizer.candidates(spec));
    Differentiation local = timer.time("differentiate", () -> Differentiation.of(forward));
    ChainRule chain = timer.time("chain rule", () -> ChainRule.of(spec, local));
    Map<Variable, Polynomial> derived = chain.asMap();
    var recognitions = timer.time("recognize", () -> Recognizer.prove(candidates, derived));
    NumericCheck check = timer.time("numeric check", () -> {
      Map<Variable, Polynomial> outputs = new LinkedHashMap<>();
      for (OutputExpansion e : forward.outputs()) {
        outputs.put(e.output(), e.expression());
      }
      return NumericCheck.compare(spec, evidence, outputs, derived);
    });
    return new Derivation(spec, values, Notation.of(spec), forward, local, chain, recognitions,
        check, timer.times());
  }
}
