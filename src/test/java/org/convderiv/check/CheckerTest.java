package org.convderiv.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Notation;
import org.convderiv.term.Polynomial;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckerTest {

  static String resource(String name) {
    try (InputStream in = CheckerTest.class.getResourceAsStream("/check/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static CheckReport checkFile(String name) {
    String content = resource(name);
    assertEquals(Map.of("input", "3x3", "kernel", "2x2"),
        LayerSettings.parseHeader(Sources.layerHeader(content).orElseThrow()));
    return new Checker(CLASSIC, Truth.derived(CLASSIC)).check(Sources.read(name, content));
  }

  static CheckReport check(LayerSpec spec, String... lines) {
    return new Checker(spec, Truth.derived(spec))
        .check(Sources.plain(String.join("\n", lines)));
  }

  static LayerSpec.Builder layer(int input, int kernel) {
    return LayerSpec.builder(Dims.of(input, input), Dims.of(kernel, kernel));
  }

  static final LayerSpec CLASSIC = LayerSpec.classic(Dims.of(3, 3), Dims.of(2, 2));

  /** A polynomial as plain text in the layer's notation, terms sorted, for assertions. */
  static String plain(CheckReport r, Polynomial p) {
    return TermPrinter.plain(r.notation()).polynomial(p);
  }

  static ElementResult onlyWrongElement(CheckReport r) {
    assertEquals(List.of(), r.problems());
    assertEquals(1, r.claims().size());
    assertEquals(1, r.claims().get(0).wrong().size());
    return r.claims().get(0).wrong().get(0);
  }

  @Nested
  class TheClassicResults {
    @Test
    void passWrittenInPlainText() {
      CheckReport r = checkFile("classic-plain.txt");
      assertEquals(List.of(), r.problems());
      assertEquals(16, r.claims().size());
      assertEquals(16, r.correct());
      assertEquals(CheckReport.Outcome.ALL_HOLD, r.outcome());
    }

    @Test
    void passWrittenInLatex() {
      CheckReport r = checkFile("classic-latex.tex");
      assertEquals(List.of(), r.problems());
      assertEquals(16, r.claims().size());
      assertEquals(16, r.correct());
    }

    @Test
    void compareEveryElementOfAWholeTensorClaim() {
      CheckReport r = check(CLASSIC, "dL/dX = full_conv(rot180(F), dL/dO)");
      assertEquals(9, r.claims().get(0).elementsCompared());
      assertTrue(r.claims().get(0).holds());
    }
  }

  @Nested
  class WrongDerivations {
    @Test
    void aMissingTermIsNamedWithNoExtraTerm() {
      CheckReport r = check(CLASSIC,
          "dL/dX22 = dL/dO11*F22 + dL/dO12*F21 + dL/dO21*F12");
      ElementResult e = onlyWrongElement(r);
      assertEquals("dL/dO22*F11", plain(r, e.missing()));
      assertEquals("0", plain(r, e.extra()));
      assertEquals(CheckReport.Outcome.WRONG, r.outcome());
    }

    @Test
    void aSwappedIndexIsOneMissingAndOneExtraTerm() {
      CheckReport r = check(CLASSIC,
          "dL/dF12 = dL/dO11*X21 + dL/dO12*X13 + dL/dO21*X22 + dL/dO22*X23");
      ElementResult e = onlyWrongElement(r);
      assertEquals("dL/dO11*X12", plain(r, e.missing()));
      assertEquals("dL/dO11*X21", plain(r, e.extra()));
    }

    @Test
    void aTransposedFilterWhereTheRotatedOneBelongsIsCaughtElementByElement() {
      CheckReport r = check(CLASSIC, "dL/dX = full_conv(transpose(F), dL/dO)");
      ClaimResult c = r.claims().get(0);
      Map<String, String> missing = c.wrong().stream().collect(Collectors.toMap(
          e -> TermPrinter.plain(r.notation()).variable(e.target()), e -> plain(r, e.missing())));
      Map<String, String> extra = c.wrong().stream().collect(Collectors.toMap(
          e -> TermPrinter.plain(r.notation()).variable(e.target()), e -> plain(r, e.extra())));
      // rot180(F) = [F22 F21; F12 F11] and transpose(F) = [F11 F21; F12 F22] share only the
      // anti-diagonal, so exactly the products with F11 or F22 land in the wrong place.
      assertEquals(Map.of("X11", "dL/dO11*F11", "X12", "dL/dO12*F11", "X21", "dL/dO21*F11",
          "X22", "dL/dO11*F22 + dL/dO22*F11", "X23", "dL/dO12*F22", "X32", "dL/dO21*F22",
          "X33", "dL/dO22*F22"), missing);
      assertEquals("dL/dO12*F22", extra.get("X12"));
      assertEquals("dL/dO11*F11 + dL/dO22*F22", extra.get("X22"));
      assertEquals(7, c.wrong().size());
    }

    @Test
    void aForgottenStrideDilationReadsNeighboursInsteadOfEveryOtherInput() {
      LayerSpec stride2 = layer(5, 3).stride(Dims.of(2, 2)).build();
      CheckReport r = check(stride2,
          "dL/dF11 = dL/dO11*X11 + dL/dO12*X12 + dL/dO21*X21 + dL/dO22*X22");
      ElementResult e = onlyWrongElement(r);
      assertEquals("dL/dO12*X13 + dL/dO21*X31 + dL/dO22*X33", plain(r, e.missing()));
      assertEquals("dL/dO12*X12 + dL/dO21*X21 + dL/dO22*X22", plain(r, e.extra()));
    }

    @Test
    void theStrideTwoGradientsHoldOnceTheUpstreamGradientIsDilated() {
      LayerSpec stride2 = layer(5, 3).stride(Dims.of(2, 2)).build();
      CheckReport r = check(stride2, "dL/dF = conv(X, dilate(dL/dO, 2))",
          "dL/dX = full_conv(rot180(F), dilate(dL/dO, 2))",
          "dL/dX = full_conv(rot180(F), dL/dO)");
      assertEquals(List.of(true, true, false),
          r.claims().stream().map(ClaimResult::holds).toList());
      ClaimResult undilated = r.claims().get(2);
      assertEquals("(n, ci) 1x1x4x4", undilated.claimedShape());
      assertEquals("(n, ci) 1x1x5x5", undilated.trueShape());
    }

    @Test
    void aForgottenChannelSumMissesTheSecondOutputChannel() {
      LayerSpec twoOut = layer(3, 2).channelsOut(2).build();
      CheckReport r = check(twoOut, "dL/dX22 = dL/dO_{1,1,1} F_{1,2,2} + dL/dO_{1,1,2} F_{1,2,1}"
          + " + dL/dO_{1,2,1} F_{1,1,2} + dL/dO_{1,2,2} F_{1,1,1}");
      ElementResult e = onlyWrongElement(r);
      assertEquals("dL/dO211*F222 + dL/dO212*F221 + dL/dO221*F212 + dL/dO222*F211",
          plain(r, e.missing()));
      assertEquals("0", plain(r, e.extra()));
    }

    @Test
    void aWholeTensorClaimSumsChannelsThroughTheSharedAxis() {
      LayerSpec channels = layer(4, 2).channelsIn(2).channelsOut(3).batch(2).build();
      CheckReport r = check(channels, "dL/dX = full_conv(rot180(F), dL/dO)",
          "dL/dF = conv(X, dL/dO)", "O = conv(X, F)");
      assertEquals(List.of(), r.problems());
      assertEquals(3, r.correct());
    }

    @Test
    void aCounterexampleGivesValuesWhereClaimAndTruthDiffer() {
      CheckReport r = check(CLASSIC, "dL/dX13 = dL/dO12*F11");
      Counterexample c = onlyWrongElement(r).counterexample();
      assertNotNull(c);
      assertTrue(c.claimed() != c.truth());
      long g = c.values().get(org.convderiv.term.Variable.of(
          org.convderiv.term.TensorName.G, 0, 0, 0, 1));
      long f11 = c.values().get(org.convderiv.term.Variable.of(
          org.convderiv.term.TensorName.F, 0, 0, 0, 0));
      long f12 = c.values().get(org.convderiv.term.Variable.of(
          org.convderiv.term.TensorName.F, 0, 0, 0, 1));
      assertEquals(g * f11, c.claimed());
      assertEquals(g * f12, c.truth());
    }

    @Test
    void aWrongCoefficientIsAMissingCopyOfTheTerm() {
      CheckReport r = check(CLASSIC, "dL/dX11 = 2 dL/dO11 F11 - dL/dO11 F11 - dL/dO11 F11");
      ElementResult e = onlyWrongElement(r);
      assertEquals("dL/dO11*F11", plain(r, e.missing()));
    }

    @Test
    void aWrongForwardExpansionIsCaught() {
      CheckReport r = check(CLASSIC, "O12 = X12 F11 + X13 F12 + X22 F21 + X22 F22");
      ElementResult e = onlyWrongElement(r);
      assertEquals("X23*F22", plain(r, e.missing()));
      assertEquals("X22*F22", plain(r, e.extra()));
    }
  }

  /** The keywords of conv and full_conv with which derive writes its recognized forms. */
  @Nested
  class ConvolutionKeywords {
    /** 2x2 input, 2x2 kernel, channels 2 to 2 in 2 groups: each output sees one input. */
    final LayerSpec grouped = LayerSpec.builder(Dims.of(2, 2), Dims.of(2, 2))
        .channelsIn(2).channelsOut(2).groups(2).build();

    Map<String, String> missingByElement(CheckReport r, ClaimResult c) {
      return c.wrong().stream().collect(Collectors.toMap(
          e -> TermPrinter.plain(r.notation()).variable(e.target()), e -> plain(r, e.missing())));
    }

    Map<String, String> extraByElement(CheckReport r, ClaimResult c) {
      return c.wrong().stream().collect(Collectors.toMap(
          e -> TermPrinter.plain(r.notation()).variable(e.target()), e -> plain(r, e.extra())));
    }

    @Test
    void groupedClaimsHoldWhenChannelsFormIndependentBlocks() {
      CheckReport r = check(grouped, "dL/dX = full_conv(rot180(F), dL/dO, groups=2)",
          "dL/dF = conv(X, dL/dO, groups=2)", "O = conv(X, F, groups=2)");
      assertEquals(List.of(), r.problems());
      assertEquals(3, r.correct());
    }

    @Test
    void anUngroupedClaimOnAGroupedLayerSumsAcrossTheBlocksIntoTheWrongShape() {
      CheckReport r = check(grouped, "dL/dX = full_conv(rot180(F), dL/dO)");
      ClaimResult c = r.claims().get(0);
      assertEquals("(n, ci) 1x1x2x2", c.claimedShape());
      assertEquals("(n, ci) 1x2x2x2", c.trueShape());
    }

    @Test
    void aWrongGroupedClaimMissesTermsOnlyWithinEachBlock() {
      // Without rot180 every input reads its own group's filter back to front: the terms stay
      // within the block (dL/dO2 with F2 for input channel 2), only the positions are wrong.
      CheckReport r = check(grouped, "dL/dX = full_conv(F, dL/dO, groups=2)");
      ClaimResult c = r.claims().get(0);
      assertEquals(8, c.wrong().size());
      assertEquals("dL/dO211*F211", missingByElement(r, c).get("X211"));
      assertEquals("dL/dO211*F222", extraByElement(r, c).get("X211"));
      assertEquals("dL/dO111*F112", missingByElement(r, c).get("X112"));
      assertEquals("dL/dO111*F121", extraByElement(r, c).get("X112"));
    }

    @Test
    void groupsMustDivideTheChannels() {
      LayerSpec three = layer(3, 2).channelsIn(3).channelsOut(3).build();
      CheckReport r = check(three, "dL/dX = full_conv(rot180(F), dL/dO, groups=2)");
      assertEquals("groups (2) must divide the 3 channels of axis co of an operand of shape"
          + " (co, ci) 3x3x2x2", r.problems().get(0).message());
    }

    @Test
    void fullConvCropsThePaddingBeforeAndAfterOnEachAxis() {
      LayerSpec padded = layer(3, 2).padding(org.convderiv.layer.Padding.explicit(
          Dims.of(1, 0), Dims.of(0, 1))).build();
      CheckReport r = check(padded, "dL/dX = full_conv(rot180(F), dL/dO, padding=1x0/0x1)",
          "dL/dF = conv(X, dL/dO, padding=1x0/0x1)",
          "dL/dX = full_conv(rot180(F), dL/dO, padding=0x1/1x0)");
      assertEquals(List.of(true, true, false),
          r.claims().stream().map(ClaimResult::holds).toList());
      // Sides swapped: X11 is cropped from the full result's row 1, column 2 instead of row 2,
      // column 1, so its terms are those of its neighbour one row up and one column right.
      ClaimResult swapped = r.claims().get(2);
      assertEquals("dL/dO11*F21 + dL/dO21*F11", missingByElement(r, swapped).get("X11"));
      assertEquals("dL/dO11*F12 + dL/dO12*F11", extraByElement(r, swapped).get("X11"));
    }

    @Test
    void aForgottenPaddingCropLeavesTheFullConvolutionsSize() {
      LayerSpec padded = layer(3, 2).padding(org.convderiv.layer.Padding.explicit(
          Dims.of(1, 1), Dims.of(1, 1))).build();
      CheckReport r = check(padded, "dL/dX = full_conv(rot180(F), dL/dO, padding=1)",
          "dL/dX = full_conv(rot180(F), dL/dO)",
          "dL/dX = full_conv(rot180(F), dL/dO, padding=0/2)");
      assertEquals(List.of(true, false, false),
          r.claims().stream().map(ClaimResult::holds).toList());
      assertEquals("(n, ci) 1x1x5x5", r.claims().get(1).claimedShape());
      ClaimResult shifted = r.claims().get(2);
      assertEquals(9, shifted.wrong().size());
      assertEquals("dL/dO11*F22 + dL/dO12*F21 + dL/dO21*F12 + dL/dO22*F11",
          missingByElement(r, shifted).get("X11"));
      assertEquals("dL/dO11*F11", extraByElement(r, shifted).get("X11"));
    }

    @Test
    void aPerAxisStrideDilatesTheGradientOnItsOwnAxisAndRestoresTheUnreadRow() {
      // Input 5x3, kernel 2x2, stride 2 on rows and 1 on columns: output 2x2, and row 5 of X
      // is read by no window, so its gradient is 0.
      LayerSpec strided = LayerSpec.builder(Dims.of(5, 3), Dims.of(2, 2))
          .stride(Dims.of(2, 1)).build();
      CheckReport r = check(strided, "dL/dX = full_conv(rot180(F), dL/dO, stride=2x1)",
          "dL/dF = conv(X, dL/dO, dilation=2x1)",
          "dL/dX = full_conv(rot180(F), dL/dO, stride=3x1)");
      assertEquals(List.of(true, true, false),
          r.claims().stream().map(ClaimResult::holds).toList());
      // Stride 3 puts the gradient's second row at X row 4 instead of 3 and reaches row 5.
      ClaimResult tooFar = r.claims().get(2);
      assertEquals("dL/dO21*F11", missingByElement(r, tooFar).get("X31"));
      assertEquals("0", extraByElement(r, tooFar).get("X31"));
      assertEquals("0", missingByElement(r, tooFar).get("X51"));
      assertEquals("dL/dO21*F21", extraByElement(r, tooFar).get("X51"));
    }

    @Test
    void aFilterGradientPastAStridedLayersLastWindowIsCroppedToTheKernel() {
      // Stride 2 on columns leaves column 3 of the 3x3 input unread; the correlation still
      // yields a third column, which names no filter entry.
      LayerSpec strided = layer(3, 2).stride(Dims.of(1, 2)).build();
      CheckReport r = check(strided, "dL/dF = conv(X, dL/dO, dilation=1x2)",
          "dL/dX = full_conv(rot180(F), dL/dO, stride=1x2)",
          "dL/dF = conv(X, dL/dO)");
      assertEquals(List.of(true, true, false),
          r.claims().stream().map(ClaimResult::holds).toList());
      assertEquals("(co, ci) 1x1x2x3", r.claims().get(2).claimedShape());
    }

    @Test
    void aUniformValueAndOneValuePerAxisMeanTheSame() {
      LayerSpec stride2 = layer(5, 3).stride(Dims.of(2, 2)).build();
      CheckReport r = check(stride2, "dL/dX = full_conv(rot180(F), dL/dO, stride=2)",
          "dL/dX = full_conv(rot180(F), dL/dO, stride=2x2)");
      assertEquals(2, r.correct());
    }

    @Test
    void aKeywordWithTheWrongNumberOfAxesIsRefused() {
      CheckReport r = check(CLASSIC, "dL/dX = full_conv(rot180(F), dL/dO, stride=1x1x1)",
          "dL/dX = full_conv(rot180(F), dL/dO, stride=1/1)",
          "dL/dX = full_conv(rot180(F), dL/dO, groups=1x1)");
      assertEquals(List.of("stride (1x1x1) must give one number for all spatial axes or one"
              + " per axis (2)",
              "stride= has no sides: only padding= may give before/after values such as"
              + " 1x0/2x1",
              "groups (1x1) must be one whole number: channels are split, not axes"),
          r.problems().stream().map(Problem::message).toList());
    }
  }

  @Nested
  class Inputs {
    @Test
    void markdownClaimsComeFromMathBlocksWithTheirLines() {
      CheckReport r = checkFile("classic.md");
      assertEquals(List.of(), r.problems());
      assertEquals(List.of(7, 12, 21, 22),
          r.claims().stream().map(ClaimResult::line).toList());
      assertEquals(List.of(true, false, true, true),
          r.claims().stream().map(ClaimResult::holds).toList());
      assertEquals("dL/dO22*F11", plain(r, r.claims().get(1).wrong().get(0).missing()));
    }

    @Test
    void aMalformedLineIsReportedWithLineAndColumn() {
      CheckReport r = check(CLASSIC, "dL/dX11 = dL/dO11*F11", "", "dL/dX12 = dL/dO11 * + F12");
      assertEquals(1, r.claims().size());
      Problem p = r.problems().get(0);
      assertEquals(3, p.line());
      assertEquals(21, p.column());
      assertEquals("found '+': expected a symbol, a number or '('", p.message());
      assertEquals(CheckReport.Outcome.BAD_INPUT, r.outcome());
    }

    @Test
    void anUnknownSymbolIsNamed() {
      CheckReport r = check(CLASSIC, "dL/dX11 = dL/dO11*W11");
      Problem p = r.problems().get(0);
      assertEquals(19, p.column());
      assertTrue(p.message().startsWith("unknown symbol 'W': a claim may use X, F, O, b"),
          p.message());
    }

    @Test
    void anIndexOutOfRangeStatesTheShape() {
      CheckReport r = check(CLASSIC, "dL/dX11 = dL/dO11*F31");
      assertEquals("index of 'F_{3,1}' is out of range: F has shape 1x1x2x2 (indices start"
          + " at 1)", r.problems().get(0).message());
    }

    @Test
    void commaIndicesAreRequiredOnceASizeReachesTen() {
      LayerSpec wide = LayerSpec.builder(Dims.of(11, 3), Dims.of(2, 2)).build();
      CheckReport r = check(wide, "dL/dX_{10,2} = dL/dO_{9,1} F_{2,2} + dL/dO_{9,2} F_{2,1}"
          + " + dL/dO_{10,1} F_{1,2} + dL/dO_{10,2} F_{1,1}", "dL/dX12 = dL/dO11*F12");
      assertEquals(1, r.correct());
      assertTrue(r.problems().get(0).message().startsWith("index '12' is ambiguous"));
    }

    @Test
    void commaIndicesWithoutBracesReadAsDeriveWritesThem() {
      LayerSpec wide = LayerSpec.builder(Dims.of(11, 3), Dims.of(2, 2)).build();
      CheckReport r = check(wide, "dL/dX10,2 = dL/dO9,1*F2,2 + dL/dO9,2*F2,1"
          + " + dL/dO10,1*F1,2 + dL/dO10,2*F1,1", "dL/dX10,2 = dL/dO9,1*F2,2");
      assertEquals(List.of(), r.problems());
      assertEquals(List.of(true, false), r.claims().stream().map(ClaimResult::holds).toList());
      assertEquals("dL/dO9,2*F2,1 + dL/dO10,1*F1,2 + dL/dO10,2*F1,1",
          plain(r, r.claims().get(1).wrong().get(0).missing()));
    }
  }

  @Nested
  class Safety {
    @Test
    void aFormulaThatReadsAFileIsRefusedBeforeEvaluation() {
      CheckReport r = check(CLASSIC, "dL/dX11 = Import[\"/etc/passwd\"]",
          "dL/dX11 = ReadString(X11)", "dL/dX11 = JavaNew(X11)");
      assertEquals(0, r.claims().size());
      assertEquals(List.of("character '[' is not part of a claim (allowed: symbols, numbers,"
              + " + - * = ( ) and LaTeX commands)",
              "unknown symbol 'ReadString': a claim may use X, F, O, b, dL/dO and the functions"
              + " full_conv, transpose, dilate, rot180, conv, flip, crop, pad, sum",
              "unknown symbol 'JavaNew': a claim may use X, F, O, b, dL/dO and the functions"
              + " full_conv, transpose, dilate, rot180, conv, flip, crop, pad, sum"),
          r.problems().stream().map(Problem::message).toList());
    }

    @Test
    void aLoopIsRefusedBecauseTheGrammarHasNone() {
      CheckReport r = check(CLASSIC, "dL/dX11 = While(True, X11)");
      assertTrue(r.problems().get(0).message().startsWith("unknown symbol 'While'"));
    }

    @Test
    void aClaimWhoseExpansionExplodesIsStoppedByTheTermBudget() {
      String all = "(X11+X12+X13+X21+X22+X23+X31+X32+X33+F11+F12+F21+F22)";
      CheckReport r = new Checker(CLASSIC, Truth.fromReferenceFormulas(CLASSIC), 100_000,
          Checker.DEFAULT_MILLIS).check(Sources.plain("dL/dX11 = " + all.repeat(40)));
      assertEquals(0, r.claims().size());
      assertEquals("evaluation stopped: the claim needs more than 100000 terms",
          r.problems().get(0).message());
    }

    @Test
    void aClaimPastItsDeadlineIsStopped() {
      CheckReport r = new Checker(CLASSIC, Truth.fromReferenceFormulas(CLASSIC), 1_000_000, 0)
          .check(Sources.plain("dL/dX = full_conv(rot180(F), dL/dO)"));
      assertEquals("evaluation stopped: the claim took longer than 0 ms",
          r.problems().get(0).message());
    }

    @Test
    void deepNestingIsRefusedBeforeItCanExhaustTheStack() {
      CheckReport r = check(CLASSIC, "dL/dX11 = " + "(".repeat(10_000) + "X11"
          + ")".repeat(10_000));
      assertTrue(r.problems().get(0).message().startsWith("claim nests deeper than 64"));
    }
  }
}
