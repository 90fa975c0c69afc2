package org.convderiv.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerException;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Padding;

/**
 * The layer a check is about, as settings named like the command-line options: from a header
 * line such as {@code % layer: input 3x3, kernel 2x2, stride 2, channels-out 2}, overridden by
 * options. Sizes are {@code 3x3} (or {@code 5} for 1-D); stride, dilation and padding are one
 * number for every axis or one per axis; padding may also be valid, same or full.
 */
public final class LayerSettings {
  public static final List<String> KEYS = List.of("input", "kernel", "stride", "padding",
      "dilation", "channels-in", "channels-out", "batch", "groups", "bias", "convention");

  private LayerSettings() {}

  /** Reads {@code key value} pairs separated by commas; {@code bias} stands alone. */
  public static Map<String, String> parseHeader(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : header.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      String[] kv = p.split("\\s+|\\s*[:=]\\s*", 2);
      String key = kv[0].toLowerCase(java.util.Locale.ROOT);
      if (!KEYS.contains(key)) {
        throw new LayerException("layer header setting (" + p + ") must start with one of "
            + String.join(", ", KEYS));
      }
      if (key.equals("bias")) {
        out.put(key, kv.length > 1 ? kv[1].strip() : "true");
      } else if (kv.length < 2 || kv[1].isBlank()) {
        throw new LayerException("layer header setting (" + p + ") must give a value");
      } else {
        out.put(key, kv[1].strip());
      }
    }
    return out;
  }

  public static LayerSpec build(Map<String, String> settings) {
    String input = settings.get("input");
    String kernel = settings.get("kernel");
    if (input == null || kernel == null) {
      throw new LayerException("layer needs input and kernel sizes: give --input 3x3"
          + " --kernel 2x2, or a header line such as '% layer: input 3x3, kernel 2x2'");
    }
    Dims in = sizes("input", input, -1);
    int rank = in.rank();
    LayerSpec.Builder b = LayerSpec.builder(in, sizes("kernel", kernel, rank));
    if (settings.containsKey("stride")) {
      b.stride(sizes("stride", settings.get("stride"), rank));
    }
    if (settings.containsKey("dilation")) {
      b.dilation(sizes("dilation", settings.get("dilation"), rank));
    }
    if (settings.containsKey("padding")) {
      b.padding(padding(settings.get("padding"), rank));
    }
    b.channelsIn(count("channels-in", settings.getOrDefault("channels-in", "1")));
    b.channelsOut(count("channels-out", settings.getOrDefault("channels-out", "1")));
    b.batch(count("batch", settings.getOrDefault("batch", "1")));
    b.groups(count("groups", settings.getOrDefault("groups", "1")));
    String bias = settings.getOrDefault("bias", "false");
    if (!bias.equals("true") && !bias.equals("false")) {
      throw new LayerException("bias (" + bias + ") must be true or false");
    }
    b.bias(bias.equals("true"));
    if (settings.containsKey("convention")) {
      b.convention(Convention.parse(settings.get("convention")));
    }
    return b.build();
  }

  private static Padding padding(String text, int rank) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "valid" -> Padding.valid();
      case "same" -> Padding.same();
      case "full" -> Padding.full();
      default -> {
        Dims p = sizes("padding", text, rank);
        yield Padding.explicit(p, p);
      }
    };
  }

  /** {@code 3x3}, or one number meaning the same on all {@code rank} axes (rank -1: as given). */
  private static Dims sizes(String role, String text, int rank) {
    String[] parts = text.strip().split("\\s*[x×]\\s*");
    int[] v = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new LayerException(role + " (" + text + ") must be whole numbers joined by x,"
            + " such as 3x3");
      }
    }
    if (rank > 0 && v.length == 1 && rank > 1) {
      return Dims.filled(rank, v[0]);
    }
    return Dims.of(v);
  }

  private static int count(String role, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new LayerException(role + " (" + text + ") must be a whole number");
    }
  }
}
