package org.convderiv.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Stage 5: the symbolic results evaluated at concrete values and compared with an engine's
 * forward and backward pass and with central finite differences.
 */
public record NumericCheck(String engine, String engineVersion, List<NumericRun> runs,
    List<EngineComparison> comparisons, boolean passed) {

  /** Elements differentiated numerically at most; smaller layers get every element. */
  public static final int FINITE_DIFFERENCE_SAMPLE = 240;

  /**
   * Runs the check at the given integer values and at random reals from {@code seed}.
   *
   * @param outputs the forward expansion, output element to expression
   * @param gradients the chain-rule results, target element to expression
   */
  public static NumericCheck run(LayerSpec spec, List<Engine> engines,
      Map<Variable, Polynomial> outputs, Map<Variable, Polynomial> gradients,
      LayerValues integers, long seed) {
    LayerValues reals = LayerValues.randomReals(spec, seed);
    List<NumericRun> runs = new ArrayList<>();
    for (Engine engine : engines) {
      runs.add(runAt("integers", spec, engine, outputs, gradients, integers, true, seed));
      runs.add(runAt("reals", spec, engine, outputs, gradients, reals, false, seed));
    }
    // With two engines, each is also the other's witness, at both sets of values.
    List<EngineComparison> comparisons = new ArrayList<>();
    for (int i = 1; i < engines.size(); i++) {
      for (int r = 0; r < 2; r++) {
        NumericRun a = runs.get(r);
        NumericRun b = runs.get(2 * i + r);
        comparisons.add(EngineComparison.of(a.engineName(), a.engine(), b.engineName(), b.engine()));
      }
    }
    boolean passed = runs.stream().allMatch(NumericRun::passed)
        && comparisons.stream().allMatch(c -> c.maxAbsDifference() <= 1e-9);
    return new NumericCheck(
        String.join(" and ", engines.stream().map(Engine::name).toList()),
        String.join("; ", engines.stream().map(Engine::version).toList()),
        List.copyOf(runs), List.copyOf(comparisons), passed);
  }

  private static NumericRun runAt(String label, LayerSpec spec, Engine engine,
      Map<Variable, Polynomial> outputs, Map<Variable, Polynomial> gradients, LayerValues values,
      boolean exact, long seed) {
    ToDoubleFunction<Variable> lookup = v -> valueOf(values, v);
    Gradients symbolic = new Gradients(
        evaluate(outputs, TensorName.O, LayerValues.oShape(spec), lookup),
        evaluate(gradients, TensorName.X, LayerValues.xShape(spec), lookup),
        evaluate(gradients, TensorName.F, LayerValues.fShape(spec), lookup),
        spec.bias() ? evaluate(gradients, TensorName.B, LayerValues.bShape(spec), lookup) : null);
    Gradients reference = engine.run(spec, values);
    Tolerance tolerance = exact ? Tolerance.EXACT : Tolerance.GRADCHECK;
    boolean passed = true;
    double maxEngine = 0;
    for (Tensor[] pair : pairs(symbolic, reference)) {
      Tolerance.Comparison c = tolerance.compare(pair[1], pair[0]);
      passed &= c.passes();
      maxEngine = Math.max(maxEngine, c.largestDifference());
    }
    int total = values.x().size() + values.f().size() + (spec.bias() ? values.b().size() : 0);
    List<FiniteDifferences.ElementCheck> fd = FiniteDifferences.sample(
        engine, spec, values, symbolic, Math.min(total, FINITE_DIFFERENCE_SAMPLE), seed);
    double maxFd = 0;
    for (FiniteDifferences.ElementCheck e : fd) {
      passed &= e.passes(Tolerance.GRADCHECK);
      maxFd = Math.max(maxFd, Math.abs(e.claimed() - e.estimated()));
    }
    return new NumericRun(engine.name(), label, values, symbolic, reference, maxEngine, maxFd, fd.size(), total,
        exact, passed);
  }

  private static List<Tensor[]> pairs(Gradients a, Gradients b) {
    List<Tensor[]> out = new java.util.ArrayList<>(List.of(
        new Tensor[] {a.o(), b.o()}, new Tensor[] {a.dx(), b.dx()},
        new Tensor[] {a.df(), b.df()}));
    if (a.db() != null) {
      out.add(new Tensor[] {a.db(), b.db()});
    }
    return out;
  }

  private static Tensor evaluate(Map<Variable, Polynomial> exprs, TensorName tensor, Dims shape,
      ToDoubleFunction<Variable> lookup) {
    double[] d = new double[(int) shape.volume()];
    for (int k = 0; k < d.length; k++) {
      Polynomial p = exprs.get(new Variable(tensor, Dims.of(shape.indexAt(k))));
      d[k] = p == null ? 0 : p.evaluate(lookup);
    }
    return new Tensor(shape, d);
  }

  private static double valueOf(LayerValues values, Variable v) {
    int[] idx = v.index().toArray();
    return switch (v.tensor()) {
      case X -> values.x().get(idx);
      case F -> values.f().get(idx);
      case G -> values.g().get(idx);
      case B -> values.b().get(idx);
      case O -> throw new IllegalArgumentException("O is not an input of the layer");
    };
  }
}
