package org.convderiv.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

  private static String plain(String text) {
    return ExprFormat.plain(ExpressionParser.parseExpression(text));
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(delimiter = '|', value = {
      "(x + y) z | (x + y)*z",
      "-x^2 | -x^2",
      "2^x^2 | 2^(x^2)",
      "x - (y - z) | x - (y - z)",
      "x / y / z | x/y/z",
      "a ** 3 | a^3",
      "relu(x) | max(x, 0)",
      "ln(x) | log(x)",
      "x * -2 | x*(-2)",
      "sigmoid(w x + b) | sigmoid(w*x + b)"})
  void precedenceAndJuxtapositionFollowMathematics(String text, String expected) {
    assertEquals(expected, plain(text));
  }

  @Test
  void latexUsesJuxtapositionFractionsAndExponentials() {
    assertEquals("\\left(x + y\\right) z", ExprFormat.latex(ExpressionParser.parseExpression(
        "(x + y) * z")));
    assertEquals("\\frac{e^{-x_{1}}}{2 \\cdot \\alpha}",
        ExprFormat.latex(ExpressionParser.parseExpression("exp(-x1) / (2 alpha)")));
  }

  @ParameterizedTest(name = "{0} fails at column {1}")
  @CsvSource(delimiter = '|', value = {
      "f = sin(x) | 5 | unknown function 'sin'",
      "f = (x + y * z | 15 | expected ')'",
      "f = x + | 8 | the expression ends where a value was expected",
      "f = x $ y | 7 | unexpected '$'",
      "f = max(x) | 5 | function 'max' takes 2 arguments, not 1",
      "exp = x + 1 | 1 | 'exp' is a function and cannot name a result"})
  void malformedInputNamesTheColumn(String text, int column, String problem) {
    GraphSyntaxException e = assertThrows(GraphSyntaxException.class,
        () -> GraphBuilder.parse(text));
    assertEquals(column, e.column());
    assertEquals(true, e.getMessage().startsWith("column " + column + " of \"" + text + "\": "
        + problem), e.getMessage());
  }

  @Test
  void aNameUsedBeforeItsDefinitionIsRejected() {
    GraphSyntaxException e = assertThrows(GraphSyntaxException.class,
        () -> GraphBuilder.parse("f = q * z; q = x + y"));
    assertEquals("column 1 of \"f = q * z; q = x + y\": 'q' is used before the statement that"
        + " defines it", e.getMessage());
  }

  @Test
  void generatedNamesSkipNamesTheProgramUses() {
    ComputationalGraph g = GraphBuilder.parse("f = (q + r) * s * t");
    assertEquals(java.util.List.of("q", "r", "s", "t", "u", "v", "f"),
        g.nodes().stream().map(GraphNode::name).toList());
  }
}
