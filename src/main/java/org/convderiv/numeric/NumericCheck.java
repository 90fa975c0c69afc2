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
 *
 * <p>The engines' side ({@link Evidence}) needs nothing symbolic, so it is gathered first, while
 * Symja is still loading, and compared once the derivation is done.
 */
public record NumericCheck(String engine, String engineVersion, List<NumericRun> runs,
    List<EngineComparison> comparisons, boolean passed) {

  /** Elements differentiated numerically at most; smaller layers get every element. */
  public static final int FINITE_DIFFERENCE_SAMPLE = 240;

  /** Elements differentiated numerically at least, however large the layer. */
  public static final int FINITE_DIFFERENCE_MINIMUM = 24;

  /**
   * Forward products that finite differences may spend (each element costs two forward passes),
   * so that large layers check a smaller sample instead of taking minutes.
   */
  public static final long FINITE_DIFFERENCE_BUDGET = 20_000_000L;

  /** How many elements finite differences check for a layer with {@code total} elements. */
  public static int finiteDifferenceSample(LayerSpec spec, int total) {
    long affordable = FINITE_DIFFERENCE_BUDGET / (2 * Math.max(1, spec.forwardTerms()));
    int n = (int) Math.max(FINITE_DIFFERENCE_MINIMUM,
        Math.min(FINITE_DIFFERENCE_SAMPLE, affordable));
    return Math.min(total, n);
  }

  /** What one engine says at one set of values: its passes and finite differences. */
  public record Evidence(Engine engine, String label, LayerValues values, boolean exact,
      Gradients result, List<FiniteDifferences.ElementCheck> finiteDifferences, int total) {}

  /**
   * Runs every engine at the given small integers and at random reals from {@code seed}, with
   * finite differences at a reproducible sample of elements.
   */
  public static List<Evidence> gather(
      LayerSpec spec, List<Engine> engines, LayerValues integers, long seed) {
    LayerValues reals = LayerValues.randomReals(spec, seed);
    List<Evidence> out = new ArrayList<>();
    boolean exact = exactlyRepresentable(integers);
    for (Engine engine : engines) {
      out.add(evidence(spec, engine, exact ? "integers" : "given values", integers, exact, seed));
      out.add(evidence(spec, engine, "reals", reals, false, seed));
    }
    return List.copyOf(out);
  }

  /**
   * Small integers make every product and sum exact in float64, whatever the order of addition:
   * with magnitudes up to 2^15, products stay below 2^30 and sums of up to the term budget
   * (below 2^21 terms) below 2^51. Other values are compared within a tolerance.
   */
  static boolean exactlyRepresentable(LayerValues v) {
    for (Tensor t : new Tensor[] {v.x(), v.f(), v.g(), v.b()}) {
      if (t != null && (!t.isIntegral()
          || java.util.Arrays.stream(t.toArray()).anyMatch(x -> Math.abs(x) > 32768))) {
        return false;
      }
    }
    return true;
  }

  private static Evidence evidence(LayerSpec spec, Engine engine, String label,
      LayerValues values, boolean exact, long seed) {
    Gradients result = engine.run(spec, values);
    int total = values.x().size() + values.f().size() + (spec.bias() ? values.b().size() : 0);
    List<FiniteDifferences.ElementCheck> fd = FiniteDifferences.sample(engine, spec, values,
        result, finiteDifferenceSample(spec, total), seed);
    return new Evidence(engine, label, values, exact, result, fd, total);
  }

  /**
   * Compares the derived expressions with the evidence.
   *
   * @param outputs the forward expansion, output element to expression
   * @param gradients the chain-rule results, target element to expression
   */
  public static NumericCheck compare(LayerSpec spec, List<Evidence> evidence,
      Map<Variable, Polynomial> outputs, Map<Variable, Polynomial> gradients) {
    List<NumericRun> runs = new ArrayList<>();
    for (Evidence e : evidence) {
      runs.add(compare(spec, e, outputs, gradients));
    }
    // With two engines, each is also the other's witness, at both sets of values.
    List<EngineComparison> comparisons = new ArrayList<>();
    for (int i = 2; i < runs.size(); i++) {
      NumericRun a = runs.get(i % 2);
      NumericRun b = runs.get(i);
      comparisons.add(EngineComparison.of(a.engineName(), a.engine(), b.engineName(), b.engine()));
    }
    boolean passed = runs.stream().allMatch(NumericRun::passed)
        && comparisons.stream().allMatch(c -> c.maxAbsDifference() <= 1e-9);
    List<Engine> engines = evidence.stream().map(Evidence::engine).distinct().toList();
    return new NumericCheck(
        String.join(" and ", engines.stream().map(Engine::name).toList()),
        String.join("; ", engines.stream().map(Engine::version).toList()),
        List.copyOf(runs), List.copyOf(comparisons), passed);
  }

  private static NumericRun compare(LayerSpec spec, Evidence e,
      Map<Variable, Polynomial> outputs, Map<Variable, Polynomial> gradients) {
    ToDoubleFunction<Variable> lookup = v -> valueOf(e.values(), v);
    Gradients symbolic = new Gradients(
        evaluate(outputs, TensorName.O, LayerValues.oShape(spec), lookup),
        evaluate(gradients, TensorName.X, LayerValues.xShape(spec), lookup),
        evaluate(gradients, TensorName.F, LayerValues.fShape(spec), lookup),
        spec.bias() ? evaluate(gradients, TensorName.B, LayerValues.bShape(spec), lookup) : null);
    Tolerance tolerance = e.exact() ? Tolerance.EXACT : Tolerance.GRADCHECK;
    boolean passed = true;
    double maxEngine = 0;
    for (Tensor[] pair : pairs(symbolic, e.result())) {
      Tolerance.Comparison c = tolerance.compare(pair[1], pair[0]);
      passed &= c.passes();
      maxEngine = Math.max(maxEngine, c.largestDifference());
    }
    double maxFd = 0;
    for (FiniteDifferences.ElementCheck fd : e.finiteDifferences()) {
      double derived = fd.operand().of(symbolic).get(fd.index().toArray());
      passed &= Tolerance.GRADCHECK.accepts(fd.estimated(), derived);
      maxFd = Math.max(maxFd, Math.abs(derived - fd.estimated()));
    }
    return new NumericRun(e.engine().name(), e.label(), e.values(), symbolic, e.result(),
        maxEngine, maxFd, e.finiteDifferences().size(), e.total(), e.exact(), passed);
  }

  private static List<Tensor[]> pairs(Gradients a, Gradients b) {
    List<Tensor[]> out = new ArrayList<>(List.of(
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
