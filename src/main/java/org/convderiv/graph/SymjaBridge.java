package org.convderiv.graph;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalControlledCallable;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Differentiates with Symja: our tree goes in as Symja's own objects (never as text for its
 * parser), {@code D} is evaluated under a time limit, and the result comes back as our tree.
 *
 * <p>Symja's start-up costs over a second, so there is one shared instance, started on first use.
 * File access from Symja is switched off: nothing a user types should reach the file system.
 */
public final class SymjaBridge {
  private static final long TIME_LIMIT_SECONDS = 10;

  private final ExprEvaluator evaluator;
  private final ExecutorService worker;

  private SymjaBridge() {
    Config.FILESYSTEM_ENABLED = false;
    F.initSymbols();
    evaluator = new ExprEvaluator(false, (short) 100);
    EvalEngine engine = evaluator.getEvalEngine();
    // Library code never prints: Symja's messages go nowhere.
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    engine.setOutPrintStream(silent);
    engine.setErrorPrintStream(silent);
    engine.setQuietMode(true);
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "convderiv-symja");
      t.setDaemon(true);
      return t;
    });
  }

  private static final class Holder {
    static final SymjaBridge INSTANCE = new SymjaBridge();
  }

  public static SymjaBridge instance() {
    return Holder.INSTANCE;
  }

  /** d expr / d variable, simplified by Symja, as our tree. */
  public synchronized Expr derivative(Expr expr, String variable) {
    Map<String, ISymbol> symbols = new HashMap<>();
    IExpr in = toSymja(expr, symbols);
    ISymbol x = symbols.computeIfAbsent(variable, F::Dummy);
    IExpr out = evaluate(F.D(in, x));
    Map<ISymbol, String> names = new IdentityHashMap<>();
    symbols.forEach((name, symbol) -> names.put(symbol, name));
    try {
      return fromSymja(out, names);
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("d(" + ExprFormat.plain(expr) + ")/d" + variable
          + ": " + e.getMessage(), e);
    }
  }

  private IExpr evaluate(IExpr input) {
    EvalControlledCallable work = new EvalControlledCallable(evaluator.getEvalEngine());
    work.setExpr(input);
    Future<IExpr> result = worker.submit(work);
    try {
      return result.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      work.cancel();
      result.cancel(true);
      throw new IllegalArgumentException("Symja did not finish " + input
          + " within " + TIME_LIMIT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Symja evaluated " + input, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Symja failed on " + input + ": " + e.getCause(), e);
    }
  }

  static IExpr toSymja(Expr e, Map<String, ISymbol> symbols) {
    if (e instanceof Expr.Num n) {
      return exact(n.value());
    }
    if (e instanceof Expr.Var v) {
      // Dummy symbols live outside Symja's global context: no clash with E, I, D or N.
      return symbols.computeIfAbsent(v.name(), F::Dummy);
    }
    if (e instanceof Expr.Neg n) {
      return F.Negate(toSymja(n.arg(), symbols));
    }
    if (e instanceof Expr.Binary b) {
      IExpr l = toSymja(b.left(), symbols);
      IExpr r = toSymja(b.right(), symbols);
      return switch (b.op()) {
        case ADD -> F.Plus(l, r);
        case SUBTRACT -> F.Subtract(l, r);
        case MULTIPLY -> F.Times(l, r);
        case DIVIDE -> F.Divide(l, r);
        case POWER -> F.Power(l, r);
      };
    }
    if (e instanceof Expr.Apply a) {
      IExpr x = toSymja(a.args().get(0), symbols);
      return switch (a.function()) {
        case EXP -> F.Exp(x);
        case LOG -> F.Log(x);
        case TANH -> F.Tanh(x);
        case SIGMOID -> F.Divide(F.C1, F.Plus(F.C1, F.Exp(F.Negate(x))));
        // Symja cannot differentiate Max; the equivalent one-case Piecewise it can.
        case MAX -> {
          IExpr y = toSymja(a.args().get(1), symbols);
          yield F.Piecewise(F.list(F.list(x, F.Greater(x, y))), y);
        }
        case SECH -> F.Sech(x);
        case COSH -> F.Cosh(x);
        case SINH -> F.Sinh(x);
      };
    }
    Expr.Cond c = (Expr.Cond) e;
    IExpr l = toSymja(c.left(), symbols);
    IExpr r = toSymja(c.right(), symbols);
    IExpr test = switch (c.rel()) {
      case GREATER -> F.Greater(l, r);
      case GREATER_EQUAL -> F.GreaterEqual(l, r);
      case LESS -> F.Less(l, r);
      case LESS_EQUAL -> F.LessEqual(l, r);
    };
    return F.Piecewise(F.list(F.list(toSymja(c.then(), symbols), test)),
        toSymja(c.otherwise(), symbols));
  }

  /** A decimal as an exact rational, so that Symja keeps 0.1 exact instead of floating it. */
  private static IExpr exact(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      return F.ZZ(s.toBigIntegerExact());
    }
    return F.fraction(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
  }

  // Limitation: only the heads that derivatives of this language produce are converted back;
  // anything else is reported rather than guessed.
  static Expr fromSymja(IExpr e, Map<ISymbol, String> names) {
    if (e instanceof IInteger i) {
      return new Expr.Num(new BigDecimal(i.toBigNumerator()));
    }
    if (e instanceof IFraction f) {
      Expr q = new Expr.Binary(Expr.BinaryOp.DIVIDE,
          new Expr.Num(new BigDecimal(f.toBigNumerator().abs())),
          new Expr.Num(new BigDecimal(f.toBigDenominator())));
      return f.toBigNumerator().signum() < 0 ? new Expr.Neg(q) : q;
    }
    if (e.isReal()) {
      return new Expr.Num(BigDecimal.valueOf(e.evalf()));
    }
    if (e instanceof ISymbol s) {
      String name = names.get(s);
      if (name != null) {
        return new Expr.Var(name);
      }
      if (s.isE()) {
        return new Expr.Apply(Expr.Function.EXP, List.of(Expr.Num.of(1)));
      }
      throw unsupported(e);
    }
    if (!(e instanceof IAST ast)) {
      throw unsupported(e);
    }
    IExpr head = ast.head();
    if (head == S.Plus) {
      return sum(ast, names);
    }
    if (head == S.Times) {
      return product(ast, names);
    }
    if (head == S.Power && ast.argSize() == 2) {
      return power(ast.arg1(), ast.arg2(), names);
    }
    if (head == S.Piecewise && ast.argSize() == 2) {
      return piecewise(ast, names);
    }
    if (ast.argSize() == 1) {
      Expr x = fromSymja(ast.arg1(), names);
      Expr.Function f = head == S.Log ? Expr.Function.LOG
          : head == S.Tanh ? Expr.Function.TANH
          : head == S.Sech ? Expr.Function.SECH
          : head == S.Cosh ? Expr.Function.COSH
          : head == S.Sinh ? Expr.Function.SINH
          : head == S.Exp ? Expr.Function.EXP : null;
      if (f != null) {
        return new Expr.Apply(f, List.of(x));
      }
    }
    throw unsupported(e);
  }

  private static UnsupportedOperationException unsupported(IExpr e) {
    return new UnsupportedOperationException("Symja returned " + e.fullFormString()
        + ", which convderiv cannot write");
  }

  /** A sum, with negative terms written as subtractions: a - b rather than a + (-b). */
  private static Expr sum(IAST ast, Map<ISymbol, String> names) {
    Expr acc = fromSymja(ast.arg1(), names);
    for (int i = 2; i <= ast.argSize(); i++) {
      Expr t = fromSymja(ast.get(i), names);
      if (t instanceof Expr.Neg n) {
        acc = new Expr.Binary(Expr.BinaryOp.SUBTRACT, acc, n.arg());
      } else if (t instanceof Expr.Num n && n.value().signum() < 0) {
        acc = new Expr.Binary(Expr.BinaryOp.SUBTRACT, acc, new Expr.Num(n.value().negate()));
      } else {
        acc = new Expr.Binary(Expr.BinaryOp.ADD, acc, t);
      }
    }
    return acc;
  }

  /**
   * A product split into sign, numerator and denominator: Symja writes x/y^2 as
   * Times(x, Power(y, -2)) and -x as Times(-1, x).
   */
  private static Expr product(IAST ast, Map<ISymbol, String> names) {
    boolean negative = false;
    List<Expr> top = new ArrayList<>();
    List<Expr> bottom = new ArrayList<>();
    for (int i = 1; i <= ast.argSize(); i++) {
      IExpr factor = ast.get(i);
      if (factor.isMinusOne()) {
        negative = !negative;
      } else if (factor instanceof IInteger n && n.isNegative()) {
        negative = !negative;
        top.add(new Expr.Num(new BigDecimal(n.toBigNumerator().negate())));
      } else if (factor instanceof IFraction f) {
        negative ^= f.toBigNumerator().signum() < 0;
        BigInteger num = f.toBigNumerator().abs();
        if (!num.equals(BigInteger.ONE)) {
          top.add(new Expr.Num(new BigDecimal(num)));
        }
        bottom.add(new Expr.Num(new BigDecimal(f.toBigDenominator())));
      } else if (factor.isPower() && factor.exponent().isNegative() && factor.exponent().isReal()
          && !factor.base().isE()) {
        IExpr positive = factor.exponent().negate();
        bottom.add(positive.isOne() ? fromSymja(factor.base(), names)
            : new Expr.Binary(Expr.BinaryOp.POWER, fromSymja(factor.base(), names),
                fromSymja(positive, names)));
      } else {
        top.add(fromSymja(factor, names));
      }
    }
    Expr numerator = top.isEmpty() ? Expr.Num.of(1) : multiply(top);
    Expr result = bottom.isEmpty() ? numerator
        : new Expr.Binary(Expr.BinaryOp.DIVIDE, numerator, multiply(bottom));
    return negative ? new Expr.Neg(result) : result;
  }

  private static Expr multiply(List<Expr> factors) {
    Expr acc = factors.get(0);
    for (int i = 1; i < factors.size(); i++) {
      acc = new Expr.Binary(Expr.BinaryOp.MULTIPLY, acc, factors.get(i));
    }
    return acc;
  }

  private static Expr power(IExpr base, IExpr exponent, Map<ISymbol, String> names) {
    if (base.isE()) {
      return new Expr.Apply(Expr.Function.EXP, List.of(fromSymja(exponent, names)));
    }
    if (exponent.isReal() && exponent.isNegative()) {
      IExpr positive = exponent.negate();
      Expr b = fromSymja(base, names);
      return new Expr.Binary(Expr.BinaryOp.DIVIDE, Expr.Num.of(1), positive.isOne() ? b
          : new Expr.Binary(Expr.BinaryOp.POWER, b, fromSymja(positive, names)));
    }
    return new Expr.Binary(Expr.BinaryOp.POWER, fromSymja(base, names),
        fromSymja(exponent, names));
  }

  /** Piecewise({{v, l rel r}}, w), the only shape a derivative of max takes. */
  private static Expr piecewise(IAST ast, Map<ISymbol, String> names) {
    IExpr cases = ast.arg1();
    if (!(cases instanceof IAST list) || list.argSize() != 1
        || !(list.arg1() instanceof IAST pair) || pair.argSize() != 2
        || !(pair.arg2() instanceof IAST test) || test.argSize() != 2) {
      throw unsupported(ast);
    }
    IExpr h = test.head();
    Expr.Relation rel = h == S.Greater ? Expr.Relation.GREATER
        : h == S.GreaterEqual ? Expr.Relation.GREATER_EQUAL
        : h == S.Less ? Expr.Relation.LESS
        : h == S.LessEqual ? Expr.Relation.LESS_EQUAL : null;
    if (rel == null) {
      throw unsupported(ast);
    }
    return new Expr.Cond(fromSymja(test.arg1(), names), rel, fromSymja(test.arg2(), names),
        fromSymja(pair.arg1(), names), fromSymja(ast.arg2(), names));
  }
}
