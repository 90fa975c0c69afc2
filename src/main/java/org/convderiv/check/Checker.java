package org.convderiv.check;

import java.util.ArrayList;
import java.util.List;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Checks hand-derived claims about one layer against the truth: each claim is parsed by the
 * closed grammar of {@link ClaimParser}, evaluated under a {@link Budget}, and compared term by
 * term with the true polynomial of its target (element by element for whole tensors).
 */
public final class Checker {
  /** Terms one claim may produce: a 64x64 whole-tensor claim needs about a million. */
  public static final long DEFAULT_TERM_BUDGET = 4_000_000L;
  /** Time one claim may take to evaluate and compare. */
  public static final long DEFAULT_MILLIS = 5_000L;

  private final LayerSpec spec;
  private final Notation notation;
  private final Truth truth;
  private final long termBudget;
  private final long millis;

  public Checker(LayerSpec spec, Truth truth) {
    this(spec, truth, DEFAULT_TERM_BUDGET, DEFAULT_MILLIS);
  }

  public Checker(LayerSpec spec, Truth truth, long termBudget, long millis) {
    this.spec = spec;
    this.notation = Notation.of(spec);
    this.truth = truth;
    this.termBudget = termBudget;
    this.millis = millis;
  }

  public CheckReport check(List<FormulaLine> lines) {
    List<ClaimResult> results = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    ClaimParser parser = new ClaimParser(spec, notation);
    for (FormulaLine line : lines) {
      try {
        Claim claim = parser.parse(line.text());
        results.add(compare(line, claim, new Budget(termBudget, millis)));
      } catch (ClaimException e) {
        problems.add(new Problem(line.lineAt(e.column()), line.columnAt(e.column()),
            line.text(), e.getMessage()));
      } catch (ArithmeticException e) {
        problems.add(new Problem(line.line(), line.column(), line.text(),
            "claim's coefficients overflow 64-bit integers"));
      }
    }
    if (lines.isEmpty()) {
      problems.add(new Problem(1, 1, "", "input holds no claim (one per line, or in $$ blocks"
          + " of a Markdown file)"));
    }
    return new CheckReport(spec, notation, results, problems);
  }

  private ClaimResult compare(FormulaLine line, Claim claim, Budget budget) {
    Evaluator.Value value = new Evaluator(spec, budget).evaluate(claim.value());
    if (!claim.wholeTensor()) {
      if (!(value instanceof Evaluator.Scalar scalar)) {
        throw new ClaimException(claim.value().column(), "the target is one element, so the"
            + " right-hand side must be a sum of products, not a whole tensor");
      }
      ElementResult r = ElementResult.compare(claim.element(), scalar.value(),
          truth.of(claim.element()));
      return new ClaimResult(line.line(), line.text(), claim.tensor(), claim.element(),
          claim.gradient(), 1, r.holds() ? List.of() : List.of(r), null, null);
    }
    if (!(value instanceof Evaluator.Tensor tensor)) {
      throw new ClaimException(claim.value().column(), "the target is a whole tensor, so the"
          + " right-hand side must be one too, such as conv(X, dL/dO)");
    }
    Grid claimed = tensor.grid();
    TensorName target = claim.tensor();
    Dims shape = ClaimParser.shapeOf(spec, target);
    List<Axis> axes = Grid.axesOf(target);
    if (!claimed.axes().equals(axes) || !claimed.shape().equals(shape)) {
      return new ClaimResult(line.line(), line.text(), target, null, claim.gradient(), 0,
          List.of(), claimed.describe(), Grid.labels(axes) + " " + shape);
    }
    List<ElementResult> wrong = new ArrayList<>();
    for (int i = 0; i < shape.volume(); i++) {
      Variable v = new Variable(target, Dims.of(shape.indexAt(i)));
      Polynomial c = claimed.entries().get(i);
      Polynomial t = truth.of(v);
      budget.spend(c.size() + t.size(), 1);
      if (!c.equals(t)) {
        wrong.add(ElementResult.compare(v, c, t));
      }
    }
    return new ClaimResult(line.line(), line.text(), target, null, claim.gradient(),
        (int) shape.volume(), wrong, null, null);
  }
}
