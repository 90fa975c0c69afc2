package org.convderiv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.render.TermFormatter.Style;
import org.convderiv.term.Monomial;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TermFormatterTest {
  private static final Notation SMALL =
      Notation.of(LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2)));
  private static final Notation LARGE =
      Notation.of(LayerSpec.classic(Dims.of(12, 4), Dims.of(3, 2)));

  private static Variable x(int i, int j) {
    return Variable.of(TensorName.X, 0, 0, i - 1, j - 1);
  }

  private static Variable f(int i, int j) {
    return Variable.of(TensorName.F, 0, 0, i - 1, j - 1);
  }

  private static Variable g(int i, int j) {
    return Variable.of(TensorName.G, 0, 0, i - 1, j - 1);
  }

  private static Polynomial poly(Monomial... terms) {
    return Polynomial.sum(List.of(terms));
  }

  @Nested
  class Elements {
    private final TermFormatter fmt = new TermFormatter(SMALL, Style.FRACTION);

    @Test
    void smallLayersRunTheDigitsTogether() {
      assertEquals("X_{11}", fmt.latex(x(1, 1)));
      assertEquals("F_{22}", fmt.latex(f(2, 2)));
      assertEquals("X12", fmt.plain(x(1, 2)));
    }

    @Test
    void aSizeOfTenOrMoreSeparatesEveryIndexWithCommas() {
      TermFormatter large = new TermFormatter(LARGE, Style.SHORT);
      assertEquals("X_{10,2}", large.latex(x(10, 2)));
      assertEquals("F_{1,1}", large.latex(f(1, 1)));
      assertEquals("G_{3,1}", large.latex(g(3, 1)));
      assertEquals("X10,2", large.plain(x(10, 2)));
    }

    @Test
    void theUpstreamGradientPrintsAsAFractionOrShort() {
      assertEquals("\\frac{\\partial L}{\\partial O_{12}}", fmt.latex(g(1, 2)));
      assertEquals("dL/dO12", fmt.plain(g(1, 2)));
      TermFormatter shortForm = new TermFormatter(SMALL, Style.SHORT);
      assertEquals("G_{12}", shortForm.latex(g(1, 2)));
      assertEquals("G12", shortForm.plain(g(1, 2)));
    }

    @Test
    void derivativesNameTheElements() {
      assertEquals("\\frac{\\partial L}{\\partial F_{12}}", fmt.lossDerivative(f(1, 2)));
      assertEquals("\\frac{\\partial O_{11}}{\\partial X_{22}}",
          fmt.localDerivative(Variable.of(TensorName.O, 0, 0, 0, 0), x(2, 2)));
    }

    @Test
    void aSingleBiasIsPlainBAndSeveralAreIndexed() {
      assertEquals("b", fmt.latex(Variable.of(TensorName.B, 0)));
      Notation channels = Notation.of(LayerSpec.builder(Dims.of(3, 3), Dims.of(2, 2))
          .channelsOut(3).bias(true).build());
      assertEquals("b_{2}",
          new TermFormatter(channels, Style.FRACTION).latex(Variable.of(TensorName.B, 1)));
    }
  }

  @Nested
  class Sums {
    private final TermFormatter fmt = new TermFormatter(SMALL, Style.SHORT);

    @Test
    void theZeroPolynomialIsZero() {
      assertEquals("0", fmt.latex(Polynomial.zero()));
      assertEquals("0", fmt.plain(Polynomial.zero()));
    }

    @Test
    void negativeCoefficientsBecomeASubtractionNeverPlusMinus() {
      Polynomial p = poly(Monomial.of(x(1, 1), f(1, 1)),
          new Monomial(-2, List.of(x(1, 1), f(1, 2))));
      assertEquals("X_{11} F_{11} - 2 X_{11} F_{12}", fmt.latex(p));
      assertEquals("X11 F11 - 2 X11 F12", fmt.plain(p));
    }

    @Test
    void aLeadingMinusStaysGluedAndUnitCoefficientsVanish() {
      Polynomial p = poly(new Monomial(-1, List.of(x(1, 1))),
          new Monomial(3, List.of(x(1, 2))), new Monomial(-1, List.of(x(2, 1))));
      assertEquals("-X_{11} + 3 X_{12} - X_{21}", fmt.latex(p));
    }

    @Test
    void constantsAndPowersPrintAsNumbersAndExponents() {
      assertEquals("-4", fmt.latex(Polynomial.constant(-4)));
      Polynomial square = poly(new Monomial(5, List.of(x(1, 1), x(1, 1))));
      assertEquals("5 X_{11}^{2}", fmt.latex(square));
      assertEquals("5 X11^2", fmt.plain(square));
    }

    @Test
    void gradientFactorsComeFirstAsLecturersWriteThem() {
      Polynomial p = poly(Monomial.of(x(1, 2), g(1, 1)), Monomial.of(x(1, 3), g(1, 2)));
      assertEquals("\\frac{\\partial L}{\\partial O_{11}} X_{12}"
          + " + \\frac{\\partial L}{\\partial O_{12}} X_{13}",
          new TermFormatter(SMALL, Style.FRACTION).latex(p));
    }

    @Test
    void longSumsBreakWithTheSignStartingEachContinuation() {
      Polynomial p = poly(Monomial.of(x(1, 1)), new Monomial(-1, List.of(x(1, 2))),
          Monomial.of(x(1, 3)), Monomial.of(x(2, 1)));
      // Each X_{ij} is about 2.9 units wide plus 2 for its sign: two terms per line of 10.
      List<String> lines = TermFormatter.breakLines(fmt.latexTerms(p), 10, 10);
      assertEquals(List.of("X_{11} - X_{12}", "+ X_{13} + X_{21}"), lines);
    }

    @Test
    void breakingTheZeroPolynomialGivesOneLine() {
      assertEquals(List.of("0"), TermFormatter.breakLines(List.of(), 10, 10));
    }
  }
}
