package org.convderiv.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convderiv.layer.LayerException;

/**
 * The layer settings of an input file's header line, such as
 * {@code % layer: input 3x3, kernel 2x2, stride 2, channels-out 2}: each setting is named like
 * the command-line option and takes the same values, which the command parses.
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
}
