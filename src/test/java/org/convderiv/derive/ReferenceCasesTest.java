package org.convderiv.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.convderiv.casefile.CaseFile;
import org.convderiv.casefile.CaseFiles;
import org.convderiv.numeric.Gradients;
import org.convderiv.numeric.pytorch.PyTorchEngine;
import org.convderiv.recognize.Recognition;
import org.convderiv.testing.SharedCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PyTorch reference case: the symbolic results, evaluated at the case's values, equal
 * PyTorch's forward output and gradients exactly, and every gradient's form is proved.
 */
class ReferenceCasesTest {

  static Stream<Path> cases() {
    return SharedCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void symbolicGradientsEqualTheReferenceValuesExactly(Path file) {
    assertReproduced(file, new Deriver());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pyTorchEngineThroughDjlReproducesEveryCase(Path file) {
    assertReproduced(file, new Deriver(List.of(PyTorchEngine.load()), 1));
  }

  private static void assertReproduced(Path file, Deriver deriver) {
    CaseFile c = CaseFiles.read(file);
    Derivation d = deriver.derive(c.spec(), c.values());
    Gradients engine = d.check().runs().get(0).engine();
    assertEquals(c.expected().o(), engine.o(), "engine O");
    assertEquals(c.expected().dx(), engine.dx(), "engine dL/dX");
    assertEquals(c.expected().df(), engine.df(), "engine dL/dF");
    Gradients symbolic = d.check().runs().get(0).symbolic();
    Gradients expected = c.expected();
    assertEquals(expected.o(), symbolic.o(), "O");
    assertEquals(expected.dx(), symbolic.dx(), "dL/dX");
    assertEquals(expected.df(), symbolic.df(), "dL/dF");
    if (expected.db() != null) {
      assertEquals(expected.db(), symbolic.db(), "dL/db");
    }
    for (Recognition r : d.recognitions()) {
      assertTrue(r.proved(), () -> r.form().kind() + " differs at " + r.mismatch());
    }
    assertTrue(d.check().passed(), "numeric check against the Java engine");
  }
}
