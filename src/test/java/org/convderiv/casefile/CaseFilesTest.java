package org.convderiv.casefile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerException;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.Gradients;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaseFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Named<Path>> sharedCases() {
    return SharedCases.files().stream().map(p -> Named.of(p.getFileName().toString(), p));
  }

  @Nested
  class Reading {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convderiv.casefile.CaseFilesTest#sharedCases")
    void everySharedCaseGivesTheSpecItsFileStates(Path file) throws IOException {
      JsonNode json = JSON.readTree(file.toFile());
      JsonNode s = json.get("spec");

      CaseFile c = CaseFiles.read(file);

      assertEquals(json.get("name").asText(), c.name());
      assertEquals(file.getFileName().toString(), c.name() + ".json");
      assertEquals(json.get("source").asText(), c.source());
      assertEquals(dims(s.get("input")), c.spec().input());
      assertEquals(dims(s.get("kernel")), c.spec().kernel());
      assertEquals(dims(s.get("stride")), c.spec().stride());
      assertEquals(dims(s.get("dilation")), c.spec().dilation());
      assertEquals(s.get("batch").asInt(), c.spec().batch());
      assertEquals(s.get("channels_in").asInt(), c.spec().channelsIn());
      assertEquals(s.get("channels_out").asInt(), c.spec().channelsOut());
      assertEquals(s.get("groups").asInt(), c.spec().groups());
      assertEquals(s.get("bias").asBoolean(), c.spec().bias());
      if (s.get("padding").isArray()) {
        assertEquals(dims(s.get("padding")), c.spec().padBefore());
        assertEquals(dims(s.get("padding")), c.spec().padAfter());
      }
      assertEquals(json.get("convention").asText().startsWith("convolution")
          ? Convention.CONVOLUTION : Convention.CROSS_CORRELATION, c.spec().convention());
    }

    @Test
    void sameWithAnEvenKernelPutsTheExtraRowAfterTheInput() {
      LayerSpec spec = CaseFiles.read(SharedCases.file("same-even-5x5-2x2")).spec();

      assertEquals(Dims.of(0, 0), spec.padBefore());
      assertEquals(Dims.of(1, 1), spec.padAfter());
      assertEquals(Dims.of(5, 5), spec.output());
    }

    @Test
    void paddingZeroOnEveryAxisIsValidModeAndOtherListsAreExplicit() {
      LayerSpec article = CaseFiles.read(SharedCases.file("article-3x3-2x2")).spec();
      LayerSpec padded = CaseFiles.read(SharedCases.file("pad1-4x4-3x3")).spec();

      assertEquals(Padding.valid(), article.padding());
      assertEquals(Padding.explicit(Dims.of(1, 1), Dims.of(1, 1)), padded.padding());
    }

    @Test
    void aOneDimensionalBatchedCaseKeepsItsValuesInLayout() {
      CaseFile c = CaseFiles.read(SharedCases.file("1d-pad1-stride2-dil2-batch2"));

      assertEquals(1, c.spec().rank());
      assertEquals(Dims.of(2, 1, 2), c.values().x().shape());
      assertEquals(Dims.of(2, 2, 1), c.expected().o().shape());
      assertArrayEquals(new double[] {18, 6, 12, 4}, c.expected().o().toArray());
      assertArrayEquals(new double[] {0, 8, 0, 8}, c.expected().dx().toArray());
    }

    @Test
    void aBiasCaseReadsBothTheBiasAndItsGradient() {
      CaseFile c = CaseFiles.read(SharedCases.file("channels-2to3-4x4-2x2-bias"));

      assertEquals(new Tensor(Dims.of(3), new double[] {2, 2, -2}), c.values().b());
      assertEquals(new Tensor(Dims.of(3), new double[] {-5, -3, 4}), c.expected().db());
    }

    @Test
    void aCaseWithoutBiasHasNoBiasValuesNorBiasGradient() {
      CaseFile c = CaseFiles.read(SharedCases.file("article-3x3-2x2"));

      assertNull(c.values().b());
      assertNull(c.expected().db());
      assertEquals(new Tensor(Dims.of(1, 1, 2, 2), new double[] {0, -2, -8, 10}),
          c.expected().o());
    }
  }

  @Nested
  class Writing {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convderiv.casefile.CaseFilesTest#sharedCases")
    void theExpectedGradientsWriteBackToTheFilesOwnExpectedTree(Path file) throws IOException {
      CaseFile c = CaseFiles.read(file);

      ObjectNode written = CaseFiles.valuesJson(c.spec(), c.expected());

      assertEquals(JSON.readTree(file.toFile()).get("expected"), written);
    }

    @Test
    void integralValuesPrintAsIntegersAndOthersAsDecimals() throws IOException {
      Tensor t = new Tensor(Dims.of(2, 3), new double[] {3.0, -0.0, 0.5, 1e20, -7, 4e9});

      String text = JSON.writeValueAsString(CaseFiles.tensorJson(t));

      assertEquals("[[3,0,0.5],[1.0E20,-7,4000000000]]", text);
    }

    @Test
    void gradientsOfTheWrongShapeAreRefusedWithBothShapes() {
      CaseFile c = CaseFiles.read(SharedCases.file("article-3x3-2x2"));
      Gradients g = c.expected();
      Gradients wrong = new Gradients(g.o(), g.df(), g.df(), null);

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CaseFiles.valuesJson(c.spec(), wrong));
      assertEquals("dL_dX (shape 1x1x2x2) must have shape 1x1x3x3 for this layer",
          e.getMessage());
    }
  }

  @Nested
  class Refusing {

    @TempDir Path dir;

    @Test
    void malformedJsonWithTheFileLineAndColumn() throws IOException {
      Path file = dir.resolve("broken.json");
      Files.writeString(file, "{\n \"name\": \"broken\",\n \"spec\": {,}\n}\n");

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CaseFiles.read(file));
      assertEquals("case file " + file + " is not valid JSON at line 3, column 12: Unexpected"
          + " character (',' (code 44)): was expecting double-quote to start field name",
          e.getMessage());
    }

    @Test
    void textAfterTheObject() throws IOException {
      Path file = dir.resolve("trailing.json");
      Files.writeString(file, "{\"name\": \"x\"}\n{}");

      String message = refusal(file);
      assertEquals("case file " + file + " is not valid JSON at line 2, column 1: Trailing",
          message.substring(0, message.indexOf("Trailing") + "Trailing".length()));
    }

    @Test
    void aKeyGivenTwice() throws IOException {
      Path file = dir.resolve("twice.json");
      Files.writeString(file, "{\"X\": [1],\n \"X\": [2]}");

      assertEquals("case file " + file + " is not valid JSON at line 2, column 5: Duplicate"
          + " field 'X'", refusal(file));
    }

    @Test
    void aRaggedInput() throws IOException {
      Path file = variant("article-3x3-2x2", root -> row(root, "X").add(5));

      assertEquals("case file " + file + ": X is not rectangular: X[0][0][1] is an array of 3"
          + " where X[0][0][0] is an array of 4", refusal(file));
    }

    @Test
    void anInputWhoseShapeDisagreesWithTheSpec() throws IOException {
      Path file = variant("article-3x3-2x2", root -> {
        ArrayNode plane = (ArrayNode) root.get("X").get(0).get(0);
        plane.forEach(r -> ((ArrayNode) r).add(0));
      });

      assertEquals("case file " + file + ": X (shape 1x1x3x4) must have shape 1x1x3x3 from its"
          + " spec", refusal(file));
    }

    @Test
    void anUpstreamGradientShapedForAnotherOutput() throws IOException {
      Path file = variant("stride2-5x5-3x3", root -> {
        ArrayNode plane = (ArrayNode) root.get("dL_dO").get(0).get(0);
        plane.add(plane.get(0).deepCopy());
      });

      assertEquals("case file " + file + ": dL_dO (shape 1x1x3x2) must have shape 1x1x2x2 from"
          + " its spec", refusal(file));
    }

    @Test
    void anExpectedFilterGradientWithTooFewChannels() throws IOException {
      Path file = variant("channels-2to3-4x4-2x2-bias",
          root -> ((ArrayNode) root.get("expected").get("dL_dF")).remove(2));

      assertEquals("case file " + file + ": expected.dL_dF (shape 2x2x2x2) must have shape"
          + " 3x2x2x2 from its spec", refusal(file));
    }

    @Test
    void aValueThatIsNotANumber() throws IOException {
      Path file = variant("article-3x3-2x2", root -> row(root, "F").set(1, "two"));

      assertEquals("case file " + file + ": F[0][0][0][1] (\"two\") must be a number",
          refusal(file));
    }

    @Test
    void aMissingField() throws IOException {
      Path file = variant("article-3x3-2x2", root -> root.remove("dL_dO"));

      assertEquals("case file " + file + ": field dL_dO is missing", refusal(file));
    }

    @Test
    void aConventionOfNeitherKind() throws IOException {
      Path file = variant("article-3x3-2x2", root -> root.put("convention", "correlation"));

      assertEquals("case file " + file + ": convention (\"correlation\") must start with"
          + " cross-correlation or convolution", refusal(file));
    }

    @Test
    void aBiasInTheSpecWithoutBiasValues() throws IOException {
      Path file = variant("channels-2to3-4x4-2x2-bias", root -> root.remove("b"));

      assertEquals("case file " + file + ": field b is missing, the spec has bias true",
          refusal(file));
    }

    @Test
    void aChannelsLastLayout() throws IOException {
      Path file = variant("article-3x3-2x2", root -> root.put("layout",
          "X[batch][row][col][channel_in], F[channel_out][channel_in/groups][row][col]"));

      assertEquals("case file " + file + ": layout (\"X[batch][row][col][channel_in],"
          + " F[channel_out][channel_in/groups][row][col]\") must give X as X[batch][channel_in]"
          + " then 2 spatial axes, as PyTorch does", refusal(file));
    }

    @Test
    void aKernelLargerThanThePaddedInputAsALayerError() throws IOException {
      Path file = variant("article-3x3-2x2",
          root -> spec(root).set("kernel", JSON.valueToTree(new int[] {4, 2})));

      LayerException e = assertThrows(LayerException.class, () -> CaseFiles.read(file));
      assertEquals("case file " + file + ": kernel 4x2 with dilation 1x1 spans 4 on axis 1, more"
          + " than the padded input (3 + 0 + 0 = 3)", e.getMessage());
    }

    @Test
    void samePaddingWithAStride() throws IOException {
      Path file = variant("same-even-5x5-2x2",
          root -> spec(root).set("stride", JSON.valueToTree(new int[] {2, 2})));

      LayerException e = assertThrows(LayerException.class, () -> CaseFiles.read(file));
      assertEquals("case file " + file + ": padding (same) needs stride 1, got stride 2x2"
          + " (PyTorch refuses it too)", e.getMessage());
    }

    @Test
    void aFileThatDoesNotExist() {
      Path file = dir.resolve("absent.json");

      UncheckedIOException e =
          assertThrows(UncheckedIOException.class, () -> CaseFiles.read(file));
      assertEquals("case file " + file + " does not exist", e.getMessage());
    }

    /** A shared case with one change, written to the temporary folder under the same name. */
    private Path variant(String name, Consumer<ObjectNode> change) throws IOException {
      ObjectNode root = (ObjectNode) JSON.readTree(SharedCases.file(name).toFile());
      change.accept(root);
      Path file = dir.resolve(name + ".json");
      JSON.writeValue(file.toFile(), root);
      return file;
    }

    private ObjectNode spec(ObjectNode root) {
      return (ObjectNode) root.get("spec");
    }

    /** The innermost first row of a tensor field. */
    private ArrayNode row(ObjectNode root, String field) {
      JsonNode n = root.get(field);
      while (n.get(0).isArray()) {
        n = n.get(0);
      }
      return (ArrayNode) n;
    }

    private String refusal(Path file) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CaseFiles.read(file));
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      return e.getMessage();
    }
  }

  private static Dims dims(JsonNode array) {
    int[] v = new int[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).asInt();
    }
    return Dims.of(v);
  }
}
