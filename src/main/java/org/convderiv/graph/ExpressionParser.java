package org.convderiv.graph;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive-descent parser for graph programs such as {@code q = x + y; f = q * z}.
 *
 * <pre>
 * program   := statement ((';' | newline) statement)* [';']
 * statement := [name '='] sum
 * sum       := product (('+' | '-') product)*
 * product   := unary (('*' | '/') unary | unary)*      juxtaposition multiplies: (x + y) z
 * unary     := ('-' | '+') unary | power
 * power     := atom [('^' | '**') unary]               right-associative: x^-1, 2^x^2
 * atom      := number | name | function '(' sum [',' sum] ')' | '(' sum ')'
 * </pre>
 *
 * <p>So {@code -x^2} is {@code -(x^2)}, as in mathematics. A name directly followed by '(' is a
 * function call; {@code x (y + z)} with a space is a product. The text never reaches Symja's
 * parser: trees are built here and converted by {@link SymjaBridge}.
 */
public final class ExpressionParser {
  private static final Map<String, Expr.Function> FUNCTIONS = Map.of(
      "exp", Expr.Function.EXP, "log", Expr.Function.LOG, "ln", Expr.Function.LOG,
      "tanh", Expr.Function.TANH, "sigmoid", Expr.Function.SIGMOID, "max", Expr.Function.MAX);
  private static final String FUNCTION_LIST = "exp, log (ln), tanh, sigmoid, relu, max";

  private final String src;
  private int pos;

  private ExpressionParser(String src) {
    this.src = src;
  }

  /** Parses a whole program; throws {@link GraphSyntaxException} naming the column. */
  public static List<Statement> parseProgram(String text) {
    ExpressionParser p = new ExpressionParser(text);
    List<Statement> statements = p.program();
    return List.copyOf(statements);
  }

  /** Parses one expression with nothing around it. */
  public static Expr parseExpression(String text) {
    ExpressionParser p = new ExpressionParser(text);
    Expr e = p.sum();
    p.skipBlanks(true);
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "' after a complete expression");
    }
    return e;
  }

  public static boolean isFunctionName(String name) {
    return FUNCTIONS.containsKey(name) || name.equals("relu");
  }

  private List<Statement> program() {
    List<Statement> out = new ArrayList<>();
    while (true) {
      skipBlanks(true);
      while (peek() == ';') {
        pos++;
        skipBlanks(true);
      }
      if (pos >= src.length()) {
        break;
      }
      out.add(statement());
      skipBlanks(false);
      if (pos >= src.length()) {
        break;
      }
      char c = peek();
      if (c != ';' && c != '\n' && c != '\r') {
        throw error("unexpected '" + c + "' (statements are separated by ';')");
      }
    }
    if (out.isEmpty()) {
      throw new GraphSyntaxException(src, 1, "the graph is empty (write e.g. f = (x + y) * z)");
    }
    return out;
  }

  private Statement statement() {
    int start = pos;
    String name = null;
    if (Character.isLetter(peek())) {
      int save = pos;
      String ident = identifier();
      skipBlanks(false);
      if (peek() == '=') {
        pos++;
        if (isFunctionName(ident)) {
          throw new GraphSyntaxException(src, start + 1,
              "'" + ident + "' is a function and cannot name a result");
        }
        name = ident;
      } else {
        pos = save;
      }
    }
    Expr e = sum();
    return new Statement(Optional.ofNullable(name), e, start + 1);
  }

  private Expr sum() {
    Expr left = product();
    while (true) {
      skipBlanks(false);
      char c = peek();
      if (c == '+' || c == '-') {
        pos++;
        Expr right = product();
        left = new Expr.Binary(
            c == '+' ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUBTRACT, left, right);
      } else {
        return left;
      }
    }
  }

  private Expr product() {
    Expr left = unary();
    while (true) {
      skipBlanks(false);
      char c = peek();
      if (c == '*' && peekAt(1) != '*') {
        pos++;
        left = new Expr.Binary(Expr.BinaryOp.MULTIPLY, left, unary());
      } else if (c == '/') {
        pos++;
        left = new Expr.Binary(Expr.BinaryOp.DIVIDE, left, unary());
      } else if (Character.isLetterOrDigit(c) || c == '(' || c == '.') {
        left = new Expr.Binary(Expr.BinaryOp.MULTIPLY, left, power());
      } else {
        return left;
      }
    }
  }

  private Expr unary() {
    skipBlanks(false);
    char c = peek();
    if (c == '-') {
      pos++;
      Expr arg = unary();
      // A negative literal stays one constant, so that "-2" is not a negation gate.
      return arg instanceof Expr.Num n ? new Expr.Num(n.value().negate()) : new Expr.Neg(arg);
    }
    if (c == '+') {
      pos++;
      return unary();
    }
    return power();
  }

  private Expr power() {
    Expr base = atom();
    skipBlanks(false);
    if (peek() == '^') {
      pos++;
      return new Expr.Binary(Expr.BinaryOp.POWER, base, unary());
    }
    if (peek() == '*' && peekAt(1) == '*') {
      pos += 2;
      return new Expr.Binary(Expr.BinaryOp.POWER, base, unary());
    }
    return base;
  }

  private Expr atom() {
    skipBlanks(false);
    int start = pos;
    char c = peek();
    if (c == '(') {
      pos++;
      Expr inner = sum();
      expect(')', "to close the '(' at column " + (start + 1));
      return inner;
    }
    if (Character.isDigit(c) || c == '.') {
      return number();
    }
    if (Character.isLetter(c)) {
      String name = identifier();
      if (peek() == '(') {
        return call(name, start);
      }
      if (isFunctionName(name)) {
        throw new GraphSyntaxException(src, start + 1,
            "function '" + name + "' needs its argument in parentheses");
      }
      return new Expr.Var(name);
    }
    if (pos >= src.length()) {
      throw error("the expression ends where a value was expected");
    }
    throw error("unexpected '" + c + "' where a value was expected");
  }

  private Expr call(String name, int start) {
    if (!isFunctionName(name)) {
      throw new GraphSyntaxException(src, start + 1, "unknown function '" + name
          + "' (functions: " + FUNCTION_LIST + "; to multiply, write " + name + "*(...))");
    }
    pos++;
    List<Expr> args = new ArrayList<>();
    args.add(sum());
    skipBlanks(false);
    while (peek() == ',') {
      pos++;
      args.add(sum());
      skipBlanks(false);
    }
    expect(')', "to close the call of " + name);
    if (name.equals("relu")) {
      checkArity(name, args, 1, start);
      // max(a, 0) takes the 0 on a tie, so relu'(0) = 0, as PyTorch defines it.
      return new Expr.Apply(Expr.Function.MAX, List.of(args.get(0), Expr.Num.of(0)));
    }
    Expr.Function f = FUNCTIONS.get(name);
    checkArity(name, args, f.arity(), start);
    return new Expr.Apply(f, args);
  }

  private void checkArity(String name, List<Expr> args, int arity, int start) {
    if (args.size() != arity) {
      throw new GraphSyntaxException(src, start + 1, "function '" + name + "' takes " + arity
          + " argument" + (arity == 1 ? "" : "s") + ", not " + args.size());
    }
  }

  private Expr number() {
    int start = pos;
    while (Character.isDigit(peek())) {
      pos++;
    }
    if (peek() == '.') {
      pos++;
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    // An exponent only when digits follow, so that "2e" stays 2 times e.
    if ((peek() == 'e' || peek() == 'E')
        && (Character.isDigit(peekAt(1))
            || ((peekAt(1) == '-' || peekAt(1) == '+') && Character.isDigit(peekAt(2))))) {
      pos += 2;
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    String text = src.substring(start, pos);
    if (text.equals(".")) {
      throw new GraphSyntaxException(src, start + 1, "'.' is not a number");
    }
    return new Expr.Num(new BigDecimal(text.toLowerCase(Locale.ROOT)));
  }

  private String identifier() {
    int start = pos;
    while (Character.isLetterOrDigit(peek()) || peek() == '_') {
      pos++;
    }
    return src.substring(start, pos);
  }

  private void expect(char c, String why) {
    skipBlanks(false);
    if (peek() != c) {
      String found = pos >= src.length() ? "the end" : "'" + peek() + "'";
      throw error("expected '" + c + "' " + why + ", found " + found);
    }
    pos++;
  }

  /** Skips spaces and tabs; newlines too where they cannot end a statement. */
  private void skipBlanks(boolean newlines) {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) {
        pos++;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return peekAt(0);
  }

  private char peekAt(int ahead) {
    return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
  }

  private GraphSyntaxException error(String problem) {
    return new GraphSyntaxException(src, pos + 1, problem);
  }
}
