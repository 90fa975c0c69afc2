package org.convderiv.differentiate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convderiv.term.Monomial;
import org.convderiv.term.Polynomial;
import org.convderiv.term.Variable;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The one place that talks to Symja. Symja keeps its evaluation engine per thread and takes
 * about two seconds to load its rules, so every call runs on one dedicated thread, and loading
 * starts as soon as the session exists, while the other stages work.
 *
 * <p>Expressions are handed over as Symja trees built from our own terms (never as text), with
 * symbols named {@code v0, v1, ...} per call, so no user text reaches Symja's parser here.
 */
public final class SymjaSession implements AutoCloseable {
  private static SymjaSession shared;

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "symja");
    t.setDaemon(true);
    return t;
  });
  private final Future<ExprEvaluator> evaluator;
  private int calls;

  private SymjaSession() {
    evaluator = thread.submit(() -> {
      // Derivations never read files or run scripts; keep Symja from doing either.
      Config.FILESYSTEM_ENABLED = false;
      F.initSymbols();
      ExprEvaluator ev = new ExprEvaluator(false, (short) 100);
      // The first D loads its rules; do it here, in the background, not on the first real call.
      ISymbol x = F.symbol("v0");
      ev.eval(F.D(F.Times(x, F.symbol("v1")), x));
      return ev;
    });
  }

  /** The process-wide session, started on first use. */
  public static synchronized SymjaSession shared() {
    if (shared == null) {
      shared = new SymjaSession();
    }
    return shared;
  }

  /** Starts loading Symja in the background, so that it is ready when differentiation begins. */
  public static void warmUp() {
    shared();
  }

  /** Number of {@code D} evaluations so far. */
  public synchronized int calls() {
    return calls;
  }

  /**
   * Partial derivatives of {@code expression} with respect to each of {@code variables}, each
   * by one evaluation of Symja's {@code D}.
   */
  public Map<Variable, Polynomial> partials(Polynomial expression, List<Variable> variables) {
    Future<Map<Variable, Polynomial>> result = thread.submit(() -> {
      ExprEvaluator ev = evaluator.get();
      Naming names = new Naming();
      IExpr expr = names.toSymja(expression);
      Map<Variable, Polynomial> out = new HashMap<>();
      for (Variable v : variables) {
        IExpr d = ev.eval(F.D(expr, names.symbol(v)));
        out.put(v, names.fromSymja(d));
      }
      synchronized (this) {
        calls += variables.size();
      }
      return out;
    });
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while differentiating", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Symja failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  /** Two-way map between our variables and per-call Symja symbols. */
  private static final class Naming {
    private final Map<Variable, ISymbol> symbols = new HashMap<>();
    private final Map<ISymbol, Variable> variables = new HashMap<>();
    private final List<Variable> order = new ArrayList<>();

    ISymbol symbol(Variable v) {
      return symbols.computeIfAbsent(v, k -> {
        ISymbol s = F.symbol("v" + order.size());
        order.add(k);
        variables.put(s, k);
        return s;
      });
    }

    IExpr toSymja(Polynomial p) {
      IASTAppendable sum = F.PlusAlloc(p.size());
      for (Monomial m : p.terms()) {
        IASTAppendable product = F.TimesAlloc(m.factors().size() + 1);
        product.append(F.ZZ(m.coefficient()));
        for (Variable v : m.factors()) {
          product.append(symbol(v));
        }
        sum.append(product);
      }
      return sum;
    }

    /** Reads back a sum of integer multiples of products of symbols; anything else is a bug. */
    Polynomial fromSymja(IExpr e) {
      Polynomial.Builder b = new Polynomial.Builder();
      if (e.isPlus()) {
        IAST sum = (IAST) e;
        for (int i = 1; i < sum.size(); i++) {
          b.add(monomial(sum.get(i)));
        }
      } else {
        b.add(monomial(e));
      }
      return b.build();
    }

    private Monomial monomial(IExpr e) {
      long coefficient = 1;
      List<Variable> factors = new ArrayList<>();
      List<IExpr> parts = new ArrayList<>();
      if (e.isTimes()) {
        IAST t = (IAST) e;
        for (int i = 1; i < t.size(); i++) {
          parts.add(t.get(i));
        }
      } else {
        parts.add(e);
      }
      for (IExpr part : parts) {
        if (part.isInteger()) {
          coefficient *= ((IInteger) part).longValue();
        } else if (part.isSymbol() && variables.containsKey(part)) {
          factors.add(variables.get(part));
        } else if (part.isPower() && part.exponent().isInteger() && part.base().isSymbol()) {
          Variable v = variables.get(part.base());
          for (long k = ((IInteger) part.exponent()).longValue(); k > 0; k--) {
            factors.add(v);
          }
        } else {
          throw new IllegalStateException("unexpected term from Symja: " + part);
        }
      }
      return new Monomial(coefficient, factors);
    }
  }
}
