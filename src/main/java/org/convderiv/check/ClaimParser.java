package org.convderiv.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Notation;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Parses one claim, plain or LaTeX, into a {@link Claim}. The grammar is closed: symbols of the
 * layer (X, F, O, b, dL/dO and the derivatives of L), integers, + - * and implicit products,
 * parentheses and the functions of {@link Lexer#FUNCTIONS}. Anything else is refused with its
 * column, so no user text is ever handed to a general evaluator.
 *
 * <pre>
 * claim      := target '=' expr
 * target     := derivative | symbol
 * expr       := ['+' | '-'] term (('+' | '-') term)*
 * term       := factor (['*' | \cdot | \times] factor)*
 * factor     := number | symbol | derivative | '(' expr ')' | '{' expr '}' | call
 * derivative := dL '/' dX idx | \partial L '/' \partial X idx | \frac{\partial L}{\partial X idx}
 * idx        := digits | n (',' n)* | '_' digits | '_{' n (',' n)* '}' | nothing (whole tensor)
 * call       := function '(' (expr | keyword '=' amount) (',' ...)* ')'
 * keyword    := stride | dilation | padding | groups
 * amount     := axes ['/' axes]           (before/after sides: padding only)
 * axes       := number ('x' number)*      (one number for all spatial axes, or one per axis)
 * </pre>
 */
final class ClaimParser {
  /** Deeper nesting than this is no derivation anyone writes; it guards the Java stack. */
  private static final int MAX_DEPTH = 64;
  private static final List<String> KEYWORDS = List.of("stride", "dilation", "padding", "groups");
  private static final List<String> FONT_COMMANDS =
      List.of("mathrm", "operatorname", "text", "mathit", "textrm", "mathbf");

  private final LayerSpec spec;
  private final Notation notation;
  private List<Token> tokens;
  private int pos;
  private int depth;

  ClaimParser(LayerSpec spec, Notation notation) {
    this.spec = spec;
    this.notation = notation;
  }

  Claim parse(String text) {
    tokens = normalize(Lexer.tokenize(text));
    pos = 0;
    depth = 0;
    Token start = peek();
    Expr.Symbol target;
    boolean gradient;
    if (startsDerivative(start)) {
      target = derivative();
      gradient = true;
      if (target.tensor() == TensorName.G) {
        throw new ClaimException(start.column(), "'" + target.text() + "' is the given upstream"
            + " gradient; a claim must be about dL/dX, dL/dF, dL/db or O");
      }
    } else if (start.kind() == Token.Kind.WORD) {
      target = symbol();
      gradient = false;
      if (target.tensor() != TensorName.O) {
        throw new ClaimException(start.column(), "claim target ('" + target.text()
            + "') must be a derivative of L such as dL/dX22, or an output such as O12");
      }
    } else {
      throw unexpected(start, "a claim must start with its target, such as dL/dX22 or O12");
    }
    expect("=", "after the claim's target");
    Expr value = expression();
    if (peek().kind() != Token.Kind.END) {
      throw unexpected(peek(), "expected + or - or the end of the claim");
    }
    return new Claim(target.tensor() == TensorName.G ? TensorName.O : target.tensor(),
        target.element(), gradient, value);
  }

  /**
   * Rewrites LaTeX spellings into the plain grammar: {@code \cdot} and {@code \times} become
   * {@code *}, {@code \left} and {@code \right} vanish, {@code \mathrm{conv}} becomes
   * {@code conv}.
   */
  private static List<Token> normalize(List<Token> in) {
    List<Token> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      Token t = in.get(i);
      if (t.kind() == Token.Kind.COMMAND) {
        switch (t.text()) {
          case "cdot", "times" -> {
            out.add(new Token(Token.Kind.SYMBOL, "*", t.column(), t.spaced()));
            continue;
          }
          case "left", "right" -> {
            continue;
          }
          default -> {
            if (FONT_COMMANDS.contains(t.text()) && i + 3 < in.size()
                && in.get(i + 1).isSymbol("{") && in.get(i + 3).isSymbol("}")) {
              Token inner = in.get(i + 2);
              out.add(new Token(inner.kind(), inner.text(), inner.column(), t.spaced()));
              i += 3;
              continue;
            }
          }
        }
      }
      out.add(t);
    }
    return out;
  }

  private Expr expression() {
    enter();
    Token first = peek();
    Expr e;
    if (first.isSymbol("-")) {
      next();
      e = new Expr.Negation(term(), first.column());
    } else {
      if (first.isSymbol("+")) {
        next();
      }
      e = term();
    }
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      Token op = next();
      Expr right = term();
      e = new Expr.Sum(e, op.isSymbol("-") ? new Expr.Negation(right, op.column()) : right,
          op.column());
    }
    depth--;
    return e;
  }

  private Expr term() {
    Expr e = factor();
    while (true) {
      Token t = peek();
      if (t.isSymbol("*")) {
        next();
        e = new Expr.Product(e, factor(), t.column());
      } else if (startsFactor(t)) {
        e = new Expr.Product(e, factor(), t.column());
      } else if (t.isSymbol("/")) {
        throw new ClaimException(t.column(), "'/' may only appear inside a derivative such as"
            + " dL/dO11; a claim has no division");
      } else {
        return e;
      }
    }
  }

  private boolean startsFactor(Token t) {
    return switch (t.kind()) {
      case NUMBER, WORD, FUNCTION -> true;
      case SYMBOL -> t.isSymbol("(") || t.isSymbol("{");
      case COMMAND -> startsDerivative(t);
      default -> false;
    };
  }

  private Expr factor() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        next();
        return new Expr.Number(number(t), t.column());
      }
      case FUNCTION -> {
        return call();
      }
      case WORD -> {
        if (startsDerivative(t)) {
          return rightHandDerivative();
        }
        return symbol();
      }
      case COMMAND -> {
        if (startsDerivative(t)) {
          return rightHandDerivative();
        }
        throw new ClaimException(t.column(), "unknown symbol '\\" + t.text()
            + "': a claim may use \\frac, \\partial, \\cdot, \\times, \\left and \\right");
      }
      case SYMBOL -> {
        if (t.isSymbol("(") || t.isSymbol("{")) {
          next();
          Expr inner = expression();
          expect(t.isSymbol("(") ? ")" : "}", "to close the one opened at column " + t.column());
          return inner;
        }
        throw unexpected(t, "expected a symbol, a number or '('");
      }
      default -> throw unexpected(t, "the claim ends where a term was expected");
    }
  }

  private Expr rightHandDerivative() {
    Token start = peek();
    Expr.Symbol d = derivative();
    if (d.tensor() != TensorName.G) {
      throw new ClaimException(start.column(), "'" + d.text() + "' may only be a claim's target;"
          + " the right-hand side may use dL/dO, the given upstream gradient");
    }
    return d;
  }

  private Expr call() {
    enter();
    Token name = next();
    expect("(", "after function " + name.text());
    List<Expr> args = new ArrayList<>();
    Map<String, Expr.Amount> keywords = new LinkedHashMap<>();
    if (!peek().isSymbol(")")) {
      do {
        Token t = peek();
        if (t.kind() == Token.Kind.WORD && KEYWORDS.contains(t.text())
            && tokens.get(pos + 1).isSymbol("=")) {
          next();
          next();
          if (keywords.put(t.text(), amount(t)) != null) {
            throw new ClaimException(t.column(), "keyword " + t.text() + "= is given twice");
          }
        } else if (!keywords.isEmpty()) {
          throw unexpected(t, "positional arguments must come before keywords");
        } else {
          args.add(expression());
        }
      } while (accept(","));
    }
    expect(")", "to close the arguments of " + name.text());
    depth--;
    return new Expr.Call(name.text(), List.copyOf(args), Map.copyOf(keywords), name.column());
  }

  /** The value of keyword {@code keyword}: {@code 2}, {@code 2x1} or, for padding, {@code 1/0}. */
  private Expr.Amount amount(Token keyword) {
    String name = keyword.text();
    List<Long> before = axes(keyword);
    List<Long> after = before;
    if (peek().isSymbol("/")) {
      Token slash = next();
      if (!name.equals("padding")) {
        throw new ClaimException(slash.column(), name + "= has no sides: only padding= may give"
            + " before/after values such as 1x0/2x1");
      }
      after = axes(keyword);
      if (after.size() != before.size()) {
        throw new ClaimException(slash.column(), "padding (" + new Expr.Amount(before, after,
            0).text() + ") must give as many axes after '/' as before it");
      }
    }
    if (name.equals("groups") && before.size() > 1) {
      throw new ClaimException(keyword.column(), "groups (" + new Expr.Amount(before, after,
          0).text() + ") must be one whole number: channels are split, not axes");
    }
    return new Expr.Amount(before, after, keyword.column());
  }

  /** {@code 2} or {@code 2x1}: the lexer reads {@code 2x1} as a number, the word x, a number. */
  private List<Long> axes(Token keyword) {
    List<Long> values = new ArrayList<>();
    do {
      Token value = next();
      if (value.kind() != Token.Kind.NUMBER) {
        throw unexpected(value, keyword.text() + "= needs whole numbers such as 2 or 2x1");
      }
      values.add(number(value));
    } while (acceptWord("x"));
    return values;
  }

  private static boolean startsDerivative(Token t) {
    return t.is(Token.Kind.WORD, "dL") || t.is(Token.Kind.COMMAND, "frac")
        || t.is(Token.Kind.COMMAND, "partial");
  }

  /** {@code dL/dX22}, {@code \partial L / \partial X_{22}} or {@code \frac{..}{..}}. */
  private Expr.Symbol derivative() {
    Token t = next();
    if (t.is(Token.Kind.COMMAND, "frac")) {
      expect("{", "after \\frac");
      numerator();
      expect("}", "after the numerator of \\frac");
      expect("{", "before the denominator of \\frac");
      Expr.Symbol s = denominator();
      expect("}", "after the denominator of \\frac");
      return s;
    }
    if (t.is(Token.Kind.COMMAND, "partial")) {
      expectWord("L", "after \\partial in the numerator");
    }
    expect("/", "between dL and the variable it is differentiated by");
    return denominator();
  }

  private void numerator() {
    Token t = next();
    if (t.is(Token.Kind.COMMAND, "partial") || t.is(Token.Kind.WORD, "d")) {
      expectWord("L", "in the numerator");
    } else if (!t.is(Token.Kind.WORD, "dL")) {
      throw unexpected(t, "the numerator must be \\partial L or dL");
    }
  }

  /** {@code dX22}, {@code d X22} or {@code \partial X_{22}}; O means the upstream gradient. */
  private Expr.Symbol denominator() {
    Token t = peek();
    Expr.Symbol s;
    if (t.is(Token.Kind.COMMAND, "partial") || t.is(Token.Kind.WORD, "d")) {
      next();
      s = symbol();
    } else if (t.kind() == Token.Kind.WORD && t.text().length() == 2
        && t.text().charAt(0) == 'd') {
      // "dX" is one word: split off the letter and read it as a symbol at the next column.
      tokens.set(pos, new Token(Token.Kind.WORD, t.text().substring(1), t.column() + 1, false));
      s = symbol();
    } else {
      throw unexpected(t, "expected the variable of the derivative, such as dX22 or"
          + " \\partial X_{22}");
    }
    String text = "dL/d" + s.text();
    if (s.tensor() == TensorName.O) {
      Variable g = s.element() == null ? null : new Variable(TensorName.G, s.element().index());
      return new Expr.Symbol(TensorName.G, g, text, t.column());
    }
    return new Expr.Symbol(s.tensor(), s.element(), text, t.column());
  }

  /** A tensor letter with an optional index; no index means the whole tensor. */
  private Expr.Symbol symbol() {
    Token t = next();
    TensorName tensor = switch (t.text()) {
      case "X" -> TensorName.X;
      case "F" -> TensorName.F;
      case "O" -> TensorName.O;
      case "b", "B" -> TensorName.B;
      default -> throw new ClaimException(t.column(), "unknown symbol '" + t.text()
          + "': a claim may use X, F, O, b, dL/dO and the functions "
          + String.join(", ", Lexer.FUNCTIONS));
    };
    int[] shown = index(t, tensor);
    String text = t.text() + (shown == null ? "" : indexText(shown));
    if (shown == null) {
      Dims bias = tensor == TensorName.B
          ? notation.fullIndex(TensorName.B, new int[0], spec.rank()) : null;
      Variable element = bias == null ? null : new Variable(TensorName.B, bias);
      return new Expr.Symbol(tensor, element, text, t.column());
    }
    Dims full = notation.fullIndex(tensor, shown, spec.rank());
    if (full == null) {
      throw new ClaimException(t.column(), "index of '" + text + "' must have "
          + expectedIndexCount(tensor) + " numbers in this layer, not " + shown.length);
    }
    Dims shape = shapeOf(tensor == TensorName.O ? TensorName.G : tensor);
    for (int a = 0; a < full.rank(); a++) {
      if (full.get(a) < 0 || full.get(a) >= shape.get(a)) {
        throw new ClaimException(t.column(), "index of '" + text + "' is out of range: "
            + t.text() + " has shape " + shape + " (indices start at 1)");
      }
    }
    return new Expr.Symbol(tensor, new Variable(tensor, full), text, t.column());
  }

  private String indexText(int[] shown) {
    StringBuilder sb = new StringBuilder("_{");
    for (int i = 0; i < shown.length; i++) {
      sb.append(i > 0 ? "," : "").append(shown[i]);
    }
    return sb.append('}').toString();
  }

  private int expectedIndexCount(TensorName tensor) {
    int n = 0;
    while (notation.fullIndex(tensor, new int[n], spec.rank()) == null && n < 8) {
      n++;
    }
    return n;
  }

  /** The index after a tensor letter, or null when there is none. */
  private int[] index(Token letter, TensorName tensor) {
    Token t = peek();
    if (t.kind() == Token.Kind.NUMBER && !t.spaced()) {
      next();
      if (!notation.compact() && continuesIndex()) {
        return commaIndex(t, tensor);
      }
      return digits(t);
    }
    if (!t.isSymbol("_") || t.spaced()) {
      return null;
    }
    next();
    Token u = next();
    if (u.kind() == Token.Kind.NUMBER) {
      return digits(u);
    }
    if (!u.isSymbol("{")) {
      throw unexpected(u, "an index after '" + letter.text() + "_' must be digits or {..}");
    }
    List<Integer> parts = new ArrayList<>();
    do {
      Token n = next();
      if (n.kind() != Token.Kind.NUMBER) {
        throw unexpected(n, "an index holds whole numbers separated by commas");
      }
      parts.add((int) Math.min(number(n), Integer.MAX_VALUE));
    } while (accept(","));
    expect("}", "to close the index of " + letter.text());
    if (parts.size() == 1) {
      return digits(new Token(Token.Kind.NUMBER, String.valueOf(parts.get(0)), u.column(), false));
    }
    return parts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * {@code X10,2} without braces, as derive's report prints indices from size 10 on. A comma
   * continues the index only while the tensor needs more numbers, so it never takes an argument
   * separator from a call: a scalar with too few indices would be refused anyway.
   */
  private int[] commaIndex(Token first, TensorName tensor) {
    int needed = expectedIndexCount(tensor);
    List<Integer> parts = new ArrayList<>();
    parts.add((int) Math.min(number(first), Integer.MAX_VALUE));
    while (parts.size() < needed && continuesIndex()) {
      next();
      parts.add((int) Math.min(number(next()), Integer.MAX_VALUE));
    }
    return parts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A comma and a number, neither after a blank: {@code ,2} in {@code X10,2}. */
  private boolean continuesIndex() {
    Token comma = peek();
    Token after = tokens.get(Math.min(pos + 1, tokens.size() - 1));
    return comma.isSymbol(",") && !comma.spaced() && after.kind() == Token.Kind.NUMBER
        && !after.spaced();
  }

  /**
   * Run-together digits are one index each ({@code 22} is row 2, column 2), as documents print
   * them while every size is below 10; from then on only comma-separated indices are read.
   */
  private int[] digits(Token t) {
    String s = t.text();
    if (s.length() == 1 || !notation.compact()) {
      if (!notation.compact() && s.length() > 1 && expectedIndexCount(TensorName.X) > 1) {
        throw new ClaimException(t.column(), "index '" + s + "' is ambiguous once a size"
            + " reaches 10: separate the numbers with commas, as in X_{10,2}");
      }
      return new int[] {(int) Math.min(number(t), Integer.MAX_VALUE)};
    }
    return s.chars().map(c -> c - '0').toArray();
  }

  Dims shapeOf(TensorName tensor) {
    return shapeOf(spec, tensor);
  }

  /** Full shapes: X[n][ci][..], F[co][ci/groups][..], G and O [n][co][..], b[co]. */
  static Dims shapeOf(LayerSpec spec, TensorName tensor) {
    Dims spatial = switch (tensor) {
      case X -> spec.input();
      case F -> spec.kernel();
      case G, O -> spec.output();
      case B -> Dims.of();
    };
    int[] lead = switch (tensor) {
      case X -> new int[] {spec.batch(), spec.channelsIn()};
      case F -> new int[] {spec.channelsOut(), spec.channelsInPerGroup()};
      case G, O -> new int[] {spec.batch(), spec.channelsOut()};
      case B -> new int[] {spec.channelsOut()};
    };
    int[] full = new int[lead.length + spatial.rank()];
    System.arraycopy(lead, 0, full, 0, lead.length);
    System.arraycopy(spatial.toArray(), 0, full, lead.length, spatial.rank());
    return Dims.of(full);
  }

  private long number(Token t) {
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      throw new ClaimException(t.column(), "number " + t.text() + " is too large");
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new ClaimException(peek().column(), "claim nests deeper than " + MAX_DEPTH
          + " levels of parentheses and calls");
    }
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.END) {
      pos++;
    }
    return t;
  }

  private boolean accept(String symbol) {
    if (peek().isSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptWord(String word) {
    if (peek().is(Token.Kind.WORD, word)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String symbol, String why) {
    if (!accept(symbol)) {
      throw unexpected(peek(), "expected '" + symbol + "' " + why);
    }
  }

  private void expectWord(String word, String why) {
    Token t = next();
    if (!t.is(Token.Kind.WORD, word)) {
      throw unexpected(t, "expected '" + word + "' " + why);
    }
  }

  private static ClaimException unexpected(Token t, String rule) {
    String found = t.kind() == Token.Kind.END ? "the end of the claim"
        : "'" + (t.kind() == Token.Kind.COMMAND ? "\\" : "") + t.text() + "'";
    return new ClaimException(t.column(), "found " + found + ": " + rule);
  }
}
