package org.convderiv.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Variable;

/**
 * The data the check templates print: plain strings, numbers and booleans only, with every
 * formula already written both in plain text and in LaTeX. The sentences live in the templates
 * under {@code templates/en/check/}.
 */
public final class ReportModel {
  /** Wrong elements listed per whole-tensor claim; the rest are counted, not listed. */
  public static final int LISTED_ELEMENTS = 12;

  private ReportModel() {}

  public static Map<String, Object> of(CheckReport report, String source) {
    TermPrinter plain = TermPrinter.plain(report.notation());
    TermPrinter tex = TermPrinter.latex(report.notation());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", source);
    m.put("layer", layer(report.spec()));
    m.put("total", report.claims().size());
    m.put("correct", report.correct());
    m.put("wrong", report.wrong());
    m.put("outcome", report.outcome().name());
    List<Map<String, Object>> claims = new ArrayList<>();
    for (ClaimResult c : report.claims()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("line", c.line());
      cm.put("text", c.text());
      cm.put("holds", c.holds());
      cm.put("whole", c.element() == null);
      cm.put("target", plain.target(c.tensor(), c.element(), c.gradient()));
      cm.put("targetTex", tex.target(c.tensor(), c.element(), c.gradient()));
      cm.put("elementsCompared", c.elementsCompared());
      cm.put("wrongCount", c.wrong().size());
      cm.put("shapeDiffers", c.shapeDiffers());
      cm.put("claimedShape", c.shapeDiffers() ? c.claimedShape() : "");
      cm.put("trueShape", c.shapeDiffers() ? c.trueShape() : "");
      List<Map<String, Object>> elements = new ArrayList<>();
      for (ElementResult e : c.wrong().subList(0, Math.min(LISTED_ELEMENTS, c.wrong().size()))) {
        elements.add(element(e, c.gradient(), plain, tex));
      }
      cm.put("elements", elements);
      cm.put("unlisted", c.wrong().size() - elements.size());
      claims.add(cm);
    }
    m.put("claims", claims);
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem p : report.problems()) {
      problems.add(Map.of("line", p.line(), "column", p.column(), "text", p.text(),
          "message", p.message()));
    }
    m.put("problems", problems);
    return m;
  }

  private static Map<String, Object> element(ElementResult e, boolean gradient,
      TermPrinter plain, TermPrinter tex) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", plain.target(e.target().tensor(), e.target(), gradient));
    m.put("targetTex", tex.target(e.target().tensor(), e.target(), gradient));
    m.put("missing", plain.polynomial(e.missing()));
    m.put("missingTex", tex.polynomial(e.missing()));
    m.put("hasMissing", !e.missing().isZero());
    m.put("extra", plain.polynomial(e.extra()));
    m.put("extraTex", tex.polynomial(e.extra()));
    m.put("hasExtra", !e.extra().isZero());
    m.put("truthText", plain.polynomial(e.truth()));
    m.put("truthTex", tex.polynomial(e.truth()));
    Counterexample c = e.counterexample();
    m.put("hasCounterexample", c != null);
    List<Map<String, Object>> values = new ArrayList<>();
    if (c != null) {
      for (Map.Entry<Variable, Long> v : c.values().entrySet()) {
        values.add(Map.of("name", plain.variable(v.getKey()), "nameTex",
            tex.variable(v.getKey()), "value", v.getValue()));
      }
      m.put("claimed", c.claimed());
      m.put("truth", c.truth());
    }
    m.put("values", values);
    return m;
  }

  private static Map<String, Object> layer(LayerSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", s.input().toSizeString());
    m.put("kernel", s.kernel().toSizeString());
    m.put("stride", s.stride().toSizeString());
    m.put("dilation", s.dilation().toSizeString());
    m.put("padding", s.padding().describe());
    m.put("channelsIn", s.channelsIn());
    m.put("channelsOut", s.channelsOut());
    m.put("groups", s.groups());
    m.put("batch", s.batch());
    m.put("bias", s.bias());
    m.put("convention", s.convention().label());
    return m;
  }
}
