package org.convderiv.casefile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerException;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Padding;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.Gradients;

/**
 * Reads and writes the reference-case format of {@code shared/cases/*.json}: a {@code spec} in
 * PyTorch's terms, the values {@code X}, {@code F}, {@code dL_dO} and, with a bias, {@code b} as
 * nested arrays in PyTorch's layouts, and the {@code expected} output and gradients
 * ({@code O}, {@code dL_dX}, {@code dL_dF}, {@code dL_db}).
 *
 * <p>Every problem with a file is one line that names the file: malformed JSON with its line and
 * column, a field whose array shape disagrees with the spec with both shapes (an
 * {@link IllegalArgumentException}), an impossible geometry as a {@link LayerException}, and a
 * file that cannot be read as an {@link UncheckedIOException}.
 */
public final class CaseFiles {
  /**
   * Largest magnitude of a value: far beyond teaching examples, and small enough that sums of
   * products stay well inside the range of doubles.
   */
  public static final double MAX_VALUE = 1e6;


  public static final String OUTPUT = "O";
  public static final String INPUT_GRADIENT = "dL_dX";
  public static final String FILTER_GRADIENT = "dL_dF";
  public static final String BIAS_GRADIENT = "dL_db";

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A tensor's bracket list in the layout text, as {@code X[batch][channel_in][row][col]}. */
  private static final Pattern LAYOUT_ENTRY =
      Pattern.compile("(?<![A-Za-z/])([XF])((?:\\[[^]]*])+)");

  private CaseFiles() {}

  public static CaseFile read(Path path) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(path)) {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IllegalArgumentException("case file " + path + " is not valid JSON" + where + ": "
          + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " "));
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("case file " + path + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("case file " + path + " cannot be read: " + e.getMessage(), e);
    }
    return new Reader(path).caseFile(root);
  }

  /**
   * The forward output and gradients as case-file JSON: {@code O}, {@code dL_dX}, {@code dL_dF}
   * and, for a layer with bias, {@code dL_db}, nested in the layouts of the case files. Integral
   * values are written as integers, so that the tree equals a case file's {@code expected}.
   */
  public static ObjectNode valuesJson(LayerSpec spec, Gradients gradients) {
    ObjectNode node = NODES.objectNode();
    node.set(OUTPUT, tensorJson(OUTPUT, gradients.o(), LayerValues.oShape(spec)));
    node.set(INPUT_GRADIENT, tensorJson(INPUT_GRADIENT, gradients.dx(), LayerValues.xShape(spec)));
    node.set(FILTER_GRADIENT,
        tensorJson(FILTER_GRADIENT, gradients.df(), LayerValues.fShape(spec)));
    if (spec.bias()) {
      node.set(BIAS_GRADIENT, tensorJson(BIAS_GRADIENT, gradients.db(), LayerValues.bShape(spec)));
    }
    return node;
  }

  /** A tensor as nested arrays, outermost axis first; integral values as integers. */
  public static ArrayNode tensorJson(Tensor tensor) {
    return nest(tensor, 0, 0);
  }

  private static ArrayNode tensorJson(String field, Tensor tensor, Dims shape) {
    return tensorJson(LayerValues.requireShape(field, tensor, shape));
  }

  private static ArrayNode nest(Tensor t, int axis, int offset) {
    ArrayNode array = NODES.arrayNode();
    int n = t.shape().get(axis);
    if (axis == t.shape().rank() - 1) {
      for (int i = 0; i < n; i++) {
        array.add(number(t.at(offset + i)));
      }
      return array;
    }
    int inner = 1;
    for (int a = axis + 1; a < t.shape().rank(); a++) {
      inner *= t.shape().get(a);
    }
    for (int i = 0; i < n; i++) {
      array.add(nest(t, axis + 1, offset + i * inner));
    }
    return array;
  }

  private static JsonNode number(double v) {
    // Integral doubles up to 2^53 are exact integers; printed as such they compare with PyTorch's
    // integer case files as equal trees and equal text.
    if (v == Math.rint(v) && Math.abs(v) <= 0x1p53) {
      long l = (long) v;
      return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }
    return NODES.numberNode(v);
  }

  /** Reads one parsed file, prefixing every complaint with its path. */
  private record Reader(Path path) {

    CaseFile caseFile(JsonNode root) {
      if (root == null || !root.isObject()) {
        throw fail("must hold a JSON object, found " + describe(root));
      }
      LayerSpec spec = spec(field(root, "", "spec"), convention(field(root, "", "convention")));
      layout(root.get("layout"), spec.rank());

      Tensor x = tensor(root, "", "X", LayerValues.xShape(spec));
      Tensor f = tensor(root, "", "F", LayerValues.fShape(spec));
      Tensor g = tensor(root, "", "dL_dO", LayerValues.oShape(spec));
      Tensor b = biasTensor(root, "", "b", spec);

      JsonNode expected = field(root, "", "expected");
      Gradients gradients = new Gradients(
          tensor(expected, "expected.", OUTPUT, LayerValues.oShape(spec)),
          tensor(expected, "expected.", INPUT_GRADIENT, LayerValues.xShape(spec)),
          tensor(expected, "expected.", FILTER_GRADIENT, LayerValues.fShape(spec)),
          biasTensor(expected, "expected.", BIAS_GRADIENT, spec));

      String fileName = path.getFileName().toString();
      String name = root.hasNonNull("name") ? root.get("name").asText()
          : fileName.replaceFirst("\\.json$", "");
      String source = root.hasNonNull("source") ? root.get("source").asText() : null;
      return new CaseFile(path, name, source, spec, new LayerValues(x, f, g, b), gradients);
    }

    private LayerSpec spec(JsonNode spec, Convention convention) {
      Dims input = axes(spec, "input", 0, null);
      int rank = input.rank();
      try {
        return LayerSpec.builder(input, axes(spec, "kernel", rank, null))
            .batch(count(spec, "batch"))
            .channelsIn(count(spec, "channels_in"))
            .channelsOut(count(spec, "channels_out"))
            .groups(count(spec, "groups"))
            .stride(axes(spec, "stride", rank, 1))
            .dilation(axes(spec, "dilation", rank, 1))
            .padding(padding(spec.get("padding"), rank))
            .bias(flag(spec, "bias"))
            .convention(convention)
            .build();
      } catch (LayerException e) {
        throw new LayerException("case file " + path + ": " + e.getMessage());
      }
    }

    /** The text must start with the convention's name; what follows explains it. */
    private Convention convention(JsonNode node) {
      String text = node.isTextual() ? node.asText().trim().toLowerCase(Locale.ROOT) : "";
      for (Convention c : Convention.values()) {
        if (text.startsWith(c.label())) {
          return c;
        }
      }
      throw fail("convention (" + describe(node) + ") must start with "
          + Convention.CROSS_CORRELATION.label() + " or " + Convention.CONVOLUTION.label());
    }

    /**
     * The layout is optional, but a file that states one must state PyTorch's: channels first,
     * then one bracket per spatial axis. A channels-last file would otherwise be misread.
     */
    private void layout(JsonNode node, int rank) {
      if (node == null) {
        return;
      }
      String text = node.asText();
      String[][] wanted = {{"X", "[batch][channel_in]"}, {"F", "[channel_out][channel_in/groups]"}};
      for (String[] w : wanted) {
        Matcher m = LAYOUT_ENTRY.matcher(text);
        boolean found = false;
        while (!found && m.find()) {
          found = m.group(1).equals(w[0]);
        }
        if (!found || !m.group(2).startsWith(w[1])
            || m.group(2).chars().filter(ch -> ch == '[').count() != rank + 2) {
          throw fail("layout (\"" + text + "\") must give " + w[0] + " as " + w[0] + w[1]
              + " then " + rank + (rank == 1 ? " spatial axis" : " spatial axes")
              + ", as PyTorch does");
        }
      }
    }

    private Tensor biasTensor(JsonNode parent, String prefix, String name, LayerSpec spec) {
      JsonNode node = parent.get(name);
      if (spec.bias() && node == null) {
        throw fail("field " + prefix + name + " is missing, the spec has bias true");
      }
      if (!spec.bias() && node != null) {
        throw fail("field " + prefix + name + " must be absent, the spec has bias false");
      }
      return node == null ? null : tensor(parent, prefix, name, LayerValues.bShape(spec));
    }

    private Tensor tensor(JsonNode parent, String prefix, String name, Dims expected) {
      return tensor(prefix + name, field(parent, prefix, name), expected);
    }

    /** Nested arrays of numbers, checked to be rectangular and of the shape the spec implies. */
    private Tensor tensor(String field, JsonNode node, Dims expected) {
      if (!node.isArray()) {
        throw fail(field + " (" + describe(node) + ") must be a nested array of shape " + expected);
      }
      int rank = 0;
      int[] sizes = new int[8];
      for (JsonNode n = node; n.isArray() && rank < sizes.length; n = n.get(0)) {
        sizes[rank++] = n.size();
        if (n.size() == 0) {
          break;
        }
      }
      Dims shape = Dims.of(Arrays.copyOf(sizes, rank));
      double[] data = new double[(int) shape.volume()];
      fill(field, field, node, shape, 0, 0, data);
      if (!shape.equals(expected)) {
        throw fail(field + " (shape " + shape + ") must have shape " + expected
            + " from its spec");
      }
      return new Tensor(shape, data);
    }

    /** Copies the numbers under {@code node} (at depth {@code axis}) row-major into data. */
    private int fill(
        String field, String where, JsonNode node, Dims shape, int axis, int at, double[] data) {
      if (axis == shape.rank()) {
        if (!node.isNumber()) {
          throw fail(where + " (" + describe(node) + ") must be a number");
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v) || Math.abs(v) > MAX_VALUE) {
          throw fail(where + " (" + node.asText() + ") must be a finite number of at most "
              + (long) MAX_VALUE + " in magnitude");
        }
        data[at] = v;
        return at + 1;
      }
      if (!node.isArray() || node.size() != shape.get(axis)) {
        String first = field + "[0]".repeat(axis);
        throw fail(field + " is not rectangular: " + where + " is " + describe(node) + " where "
            + first + " is an array of " + shape.get(axis));
      }
      for (int i = 0; i < node.size(); i++) {
        at = fill(field, where + "[" + i + "]", node.get(i), shape, axis + 1, at, data);
      }
      return at;
    }

    private Padding padding(JsonNode node, int rank) {
      if (node == null) {
        return Padding.valid();
      }
      if (node.isTextual()) {
        switch (node.asText().toLowerCase(Locale.ROOT)) {
          case "same": return Padding.same();
          case "valid": return Padding.valid();
          case "full": return Padding.full();
          default: break;
        }
      } else if (node.isArray() || node.isIntegralNumber()) {
        // PyTorch's padding 0 is its 'valid' mode; naming it so lets a worksheet say so.
        Dims perAxis = axes(node, "spec.padding", rank);
        return perAxis.allEqual(0) ? Padding.valid() : Padding.explicit(perAxis, perAxis);
      }
      throw fail("spec.padding (" + describe(node) + ") must be a list of integers per axis"
          + " or one of same, valid, full");
    }

    private Dims axes(JsonNode spec, String field, int rank, Integer absent) {
      JsonNode node = spec.get(field);
      if (node == null && absent != null) {
        return Dims.filled(rank, absent);
      }
      return axes(node == null ? field(spec, "spec.", field) : node, "spec." + field, rank);
    }

    /** A list of integers, or one integer meaning the same on every axis (as PyTorch reads). */
    private Dims axes(JsonNode node, String role, int rank) {
      if (node.isIntegralNumber() && node.canConvertToInt() && rank > 0) {
        return Dims.filled(rank, node.intValue());
      }
      if (!node.isArray()) {
        throw fail(role + " (" + describe(node) + ") must be a list of integers");
      }
      int[] v = new int[node.size()];
      for (int i = 0; i < v.length; i++) {
        JsonNode e = node.get(i);
        if (!e.isIntegralNumber() || !e.canConvertToInt()) {
          throw fail(role + " (" + describe(node) + ") must be a list of integers");
        }
        v[i] = e.intValue();
      }
      return Dims.of(v);
    }

    private int count(JsonNode spec, String field) {
      JsonNode node = spec.get(field);
      if (node == null) {
        return 1;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw fail("spec." + field + " (" + describe(node) + ") must be an integer");
      }
      return node.intValue();
    }

    private boolean flag(JsonNode spec, String field) {
      JsonNode node = spec.get(field);
      if (node == null) {
        return false;
      }
      if (!node.isBoolean()) {
        throw fail("spec." + field + " (" + describe(node) + ") must be true or false");
      }
      return node.booleanValue();
    }

    private JsonNode field(JsonNode parent, String prefix, String name) {
      JsonNode node = parent.get(name);
      if (node == null || node.isNull()) {
        throw fail("field " + prefix + name + " is missing");
      }
      return node;
    }

    private IllegalArgumentException fail(String problem) {
      return new IllegalArgumentException("case file " + path + ": " + problem);
    }

    /** A short quotation of a JSON value for a message. */
    private static String describe(JsonNode node) {
      if (node == null || node.isMissingNode()) {
        return "nothing";
      }
      if (node.isArray()) {
        return "an array of " + node.size();
      }
      if (node.isObject()) {
        return "an object";
      }
      String text = node.toString();
      return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
  }
}
