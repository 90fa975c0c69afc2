package org.convderiv.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.convderiv.casefile.CaseFiles;
import org.convderiv.chain.ChainRuleSum;
import org.convderiv.derive.Derivation;
import org.convderiv.expand.OutputExpansion;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.numeric.EngineComparison;
import org.convderiv.numeric.NumericRun;
import org.convderiv.recognize.Recognition;
import org.convderiv.term.PlainFormat;

/**
 * {@code report.json}: the geometry, every derived expression as text, the recognized forms with
 * their proofs, the numeric check, and the values in the layout of the reference case files.
 */
public final class Report {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Report() {}

  public static String toJson(Derivation d) {
    try {
      return JSON.writeValueAsString(tree(d)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report.json", e);
    }
  }

  public static ObjectNode tree(Derivation d) {
    PlainFormat text = new PlainFormat(d.notation());
    ObjectNode root = JSON.createObjectNode();
    root.set("spec", spec(d.spec()));
    root.put("indices", "1-based, row before column");

    ArrayNode forward = root.putArray("forward");
    for (OutputExpansion e : d.forward().outputs()) {
      forward.add(text.variable(e.output()) + " = " + text.polynomial(e.expression()));
    }
    ObjectNode gradients = root.putObject("gradients");
    gradients.set("dL_dF", sums(text, d.chain().filter()));
    gradients.set("dL_dX", sums(text, d.chain().input()));
    if (d.spec().bias()) {
      gradients.set("dL_db", sums(text, d.chain().bias()));
    }
    ObjectNode symbolic = root.putObject("differentiation");
    symbolic.put("localGradients", d.local().gradients().size());
    symbolic.put("distinctPatterns", d.local().patterns());
    symbolic.put("symjaCalls", d.local().symjaCalls());

    ArrayNode forms = root.putArray("recognized");
    for (Recognition r : d.recognitions()) {
      ObjectNode f = forms.addObject();
      f.put("kind", r.form().kind().name());
      f.put("form", r.form().text());
      f.put("proved", r.proved());
      f.put("elementsCompared", r.elementsCompared());
      if (r.mismatch() != null) {
        f.put("firstDifference", text.gradientOf(r.mismatch().target()));
        f.put("derived", text.polynomial(r.mismatch().derived()));
        f.put("recognizedExpansion", text.polynomial(r.mismatch().recognized()));
      }
    }

    ObjectNode check = root.putObject("check");
    check.put("engine", d.check().engine());
    check.put("engineVersion", d.check().engineVersion());
    check.put("passed", d.check().passed());
    ArrayNode runs = check.putArray("runs");
    for (NumericRun r : d.check().runs()) {
      ObjectNode n = runs.addObject();
      n.put("engine", r.engineName());
      n.put("values", r.label());
      n.put("exact", r.exact());
      n.put("maxEngineDifference", r.maxEngineDifference());
      n.put("maxFiniteDifference", r.maxFiniteDifference());
      n.put("finiteDifferenceElements", r.finiteDifferenceElements());
      n.put("totalElements", r.totalElements());
      n.put("passed", r.passed());
    }

    ArrayNode comparisons = check.putArray("engineComparisons");
    for (EngineComparison c : d.check().comparisons()) {
      ObjectNode n = comparisons.addObject();
      n.put("left", c.left());
      n.put("right", c.right());
      n.put("maxAbsDifference", c.maxAbsDifference());
      n.put("exact", c.exact());
    }

    NumericRun integers = d.check().runs().get(0);
    ObjectNode inputs = root.putObject("inputs");
    inputs.set("X", CaseFiles.tensorJson(integers.values().x()));
    inputs.set("F", CaseFiles.tensorJson(integers.values().f()));
    inputs.set("dL_dO", CaseFiles.tensorJson(integers.values().g()));
    if (integers.values().b() != null) {
      inputs.set("b", CaseFiles.tensorJson(integers.values().b()));
    }
    root.set("values", CaseFiles.valuesJson(d.spec(), integers.symbolic()));
    return root;
  }

  private static ObjectNode spec(LayerSpec s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("batch", s.batch());
    n.put("channels_in", s.channelsIn());
    n.set("input", dims(s.input()));
    n.put("channels_out", s.channelsOut());
    n.set("kernel", dims(s.kernel()));
    n.set("stride", dims(s.stride()));
    n.set("padding_before", dims(s.padBefore()));
    n.set("padding_after", dims(s.padAfter()));
    n.put("padding_mode", s.padding().describe());
    n.set("dilation", dims(s.dilation()));
    n.put("groups", s.groups());
    n.put("bias", s.bias());
    n.put("convention", s.convention().label());
    n.set("output", dims(s.output()));
    return n;
  }

  private static ArrayNode dims(Dims d) {
    ArrayNode a = JSON.createArrayNode();
    for (int v : d.toArray()) {
      a.add(v);
    }
    return a;
  }

  private static ArrayNode sums(PlainFormat text, List<ChainRuleSum> sums) {
    ArrayNode a = JSON.createArrayNode();
    for (ChainRuleSum s : sums) {
      a.add(text.gradientOf(s.target()) + " = " + text.polynomial(s.value()));
    }
    return a;
  }
}
