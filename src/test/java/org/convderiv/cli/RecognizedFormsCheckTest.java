package org.convderiv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.convderiv.testing.SharedCases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two independent readings of the same mathematics: the forms derive recognizes, written in
 * report.json, and every derived expression, are claims that check accepts for the same layer.
 * check evaluates whole-tensor claims with its own tensor language, so a slip in either side's
 * idea of stride, dilation or padding shows here.
 */
class RecognizedFormsCheckTest {

  static Stream<Path> cases() {
    return SharedCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyReportedFormAndExpressionPassesCheck(Path file, @TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    assertEquals(ExitCodes.OK, Main.run(quiet(), quiet(), "derive", "--case", file.toString(),
        "--out", out.toString()));
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    List<String> claims = new ArrayList<>();
    report.get("recognized").forEach(r -> claims.add(r.get("form").asText()));
    report.get("forward").forEach(e -> claims.add(e.asText()));
    report.get("gradients").forEach(list -> list.forEach(e -> claims.add(e.asText())));
    Path claimsFile = dir.resolve("claims.txt");
    Files.write(claimsFile, claims);

    StringWriter text = new StringWriter();
    List<String> args = new ArrayList<>(List.of("check", claimsFile.toString()));
    args.addAll(layerOptions(report.get("spec")));
    int exit = Main.run(new PrintWriter(text, true), new PrintWriter(text, true),
        args.toArray(new String[0]));
    assertEquals(ExitCodes.OK, exit, text.toString());
  }

  private static List<String> layerOptions(JsonNode spec) {
    List<String> o = new ArrayList<>();
    o.addAll(List.of("--input", dims(spec.get("input")), "--kernel", dims(spec.get("kernel")),
        "--stride", dims(spec.get("stride")), "--dilation", dims(spec.get("dilation")),
        "--channels-in", spec.get("channels_in").asText(),
        "--channels-out", spec.get("channels_out").asText(),
        "--groups", spec.get("groups").asText(), "--batch", spec.get("batch").asText(),
        "--convention", spec.get("convention").asText()));
    StringBuilder padding = new StringBuilder();
    for (int a = 0; a < spec.get("input").size(); a++) {
      padding.append(a == 0 ? "" : "x").append(spec.get("padding_before").get(a).asInt())
          .append(':').append(spec.get("padding_after").get(a).asInt());
    }
    o.addAll(List.of("--padding", padding.toString()));
    if (spec.get("bias").asBoolean()) {
      o.add("--bias");
    }
    return o;
  }

  private static String dims(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    array.forEach(v -> sb.append(sb.length() == 0 ? "" : "x").append(v.asInt()));
    return sb.toString();
  }

  private static PrintWriter quiet() {
    return new PrintWriter(new StringWriter(), true);
  }
}
