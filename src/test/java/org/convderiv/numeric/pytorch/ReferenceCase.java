package org.convderiv.numeric.pytorch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.Gradients;

/**
 * One file of {@code shared/cases}: a layer, its values and what PyTorch computed for it. A small
 * reader for these tests only; the tool's own case-file reader lives elsewhere.
 */
record ReferenceCase(String name, LayerSpec spec, LayerValues values, Gradients expected) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The shared cases folder: {@code shared/cases} beside the checkout or one of its parents. */
  static Path casesDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path cases = dir.resolve("shared").resolve("cases");
      if (Files.isDirectory(cases)) {
        return cases;
      }
    }
    throw new IllegalStateException("no shared/cases folder beside " + Path.of("").toAbsolutePath()
        + " or any parent");
  }

  static Stream<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(casesDirectory())) {
      return list.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  static ReferenceCase read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode s = root.get("spec");
    Dims input = dims(s.get("input"));
    JsonNode pad = s.get("padding");
    Padding padding = pad.isTextual()
        ? switch (pad.asText()) {
            case "same" -> Padding.same();
            case "full" -> Padding.full();
            case "valid" -> Padding.valid();
            default -> throw new IllegalArgumentException("padding (" + pad + ") is unknown");
          }
        : Padding.explicit(dims(pad), dims(pad));
    LayerSpec spec = LayerSpec.builder(input, dims(s.get("kernel")))
        .batch(s.get("batch").asInt())
        .channelsIn(s.get("channels_in").asInt())
        .channelsOut(s.get("channels_out").asInt())
        .groups(s.get("groups").asInt())
        .stride(dims(s.get("stride")))
        .dilation(dims(s.get("dilation")))
        .padding(padding)
        .bias(s.get("bias").asBoolean())
        .convention(root.get("convention").asText().startsWith("convolution")
            ? Convention.CONVOLUTION : Convention.CROSS_CORRELATION)
        .build();
    LayerValues values = new LayerValues(tensor(root.get("X")), tensor(root.get("F")),
        tensor(root.get("dL_dO")), spec.bias() ? tensor(root.get("b")) : null);
    JsonNode e = root.get("expected");
    Gradients expected = new Gradients(tensor(e.get("O")), tensor(e.get("dL_dX")),
        tensor(e.get("dL_dF")), spec.bias() ? tensor(e.get("dL_db")) : null);
    return new ReferenceCase(root.get("name").asText(), spec, values, expected);
  }

  private static Dims dims(JsonNode array) {
    int[] v = new int[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).asInt();
    }
    return Dims.of(v);
  }

  /** A nested JSON array, its shape read from the nesting, its values in row-major order. */
  private static Tensor tensor(JsonNode nested) {
    List<Integer> shape = new ArrayList<>();
    for (JsonNode n = nested; n.isArray(); n = n.get(0)) {
      shape.add(n.size());
    }
    List<Double> values = new ArrayList<>();
    flatten(nested, values);
    return new Tensor(Dims.of(shape.stream().mapToInt(Integer::intValue).toArray()),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static void flatten(JsonNode n, List<Double> out) {
    if (n.isArray()) {
      n.forEach(child -> flatten(child, out));
    } else {
      out.add(n.asDouble());
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
