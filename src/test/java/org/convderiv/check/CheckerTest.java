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
    LayerSpec spec = LayerSettings.build(
        LayerSettings.parseHeader(Sources.layerHeader(content).orElseThrow()));
    return new Checker(spec, Truth.fromReferenceFormulas(spec))
        .check(Sources.read(name, content));
  }

  static CheckReport check(LayerSpec spec, String... lines) {
    return new Checker(spec, Truth.fromReferenceFormulas(spec))
        .check(Sources.plain(String.join("\n", lines)));
  }

  static LayerSpec layer(String header) {
    return LayerSettings.build(LayerSettings.parseHeader(header));
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
}
