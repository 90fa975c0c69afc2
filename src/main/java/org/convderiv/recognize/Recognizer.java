package org.convderiv.recognize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convderiv.chain.ChainRule;
import org.convderiv.chain.ChainRuleSum;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Stage 4: names the pattern of each gradient and proves it. The candidate form is built from
 * the layer's parameters, re-expanded with {@link SymTensor}'s operations, and compared element
 * by element with the chain rule. A form is reported as recognized only when every element
 * agrees term for term; otherwise the first differing element is reported.
 */
public final class Recognizer {
  private Recognizer() {}

  public static List<Recognition> recognize(LayerSpec spec, ChainRule chain) {
    return prove(candidates(spec), chain.asMap());
  }

  /**
   * A candidate form and its expansion, element by element, before any derivation exists: the
   * candidates depend on the layer alone, so they can be built while Symja is still loading.
   */
  public record Candidate(ConvolutionForm form, Map<Variable, Polynomial> expansion) {}

  /** The candidate forms of every gradient of the layer, re-expanded. */
  public static List<Candidate> candidates(LayerSpec spec) {
    List<Candidate> out = new ArrayList<>();
    out.add(filterGradient(spec));
    out.add(inputGradient(spec));
    if (spec.bias()) {
      out.add(biasGradient(spec));
    }
    return List.copyOf(out);
  }

  /**
   * Compares each candidate with the chain rule's results ({@code derived}, target element to
   * expression), element by element, term for term.
   */
  public static List<Recognition> prove(List<Candidate> candidates,
      Map<Variable, Polynomial> derived) {
    List<Recognition> out = new ArrayList<>();
    for (Candidate c : candidates) {
      Mismatch first = null;
      for (Map.Entry<Variable, Polynomial> e : c.expansion().entrySet()) {
        Polynomial d = derived.get(e.getKey());
        if (!e.getValue().equals(d)) {
          first = new Mismatch(e.getKey(), d, e.getValue());
          break;
        }
      }
      out.add(new Recognition(c.form(), first == null, c.expansion().size(), first));
    }
    return List.copyOf(out);
  }

  /** dL/dF[co, cl] = sum over n of xcorr(Xp[n, ci], G[n, co] dilated by s, stride d). */
  static Candidate filterGradient(LayerSpec spec) {
    Dims k = spec.kernel();
    Dims origin = Dims.filled(spec.rank(), 0);
    Map<Variable, Polynomial> expansion = new LinkedHashMap<>();
    for (int co = 0; co < spec.channelsOut(); co++) {
      for (int cl = 0; cl < spec.channelsInPerGroup(); cl++) {
        int ci = group(spec, co) * spec.channelsInPerGroup() + cl;
        List<SymTensor> perSample = new ArrayList<>();
        for (int n = 0; n < spec.batch(); n++) {
          SymTensor xp = SymTensor.of(TensorName.X, n, ci, spec.input())
              .pad(spec.padBefore(), spec.padAfter());
          SymTensor g = SymTensor.of(TensorName.G, n, co, spec.output());
          // Rows of Xp past the last window are never read: keep the kernel-sized corner.
          perSample.add(xp.correlate(g, spec.dilation(), spec.stride()).crop(origin, k));
        }
        SymTensor form = SymTensor.sum(k, perSample);
        if (spec.convention() == Convention.CONVOLUTION) {
          form = form.rotate180();
        }
        for (int q = 0; q < k.volume(); q++) {
          expansion.put(new Variable(TensorName.F, lead(co, cl, k.indexAt(q))),
              form.entries().get(q));
        }
      }
    }
    ConvolutionForm form = new ConvolutionForm(ConvolutionForm.Kind.FILTER_GRADIENT,
        spec.convention(), spec.stride(), spec.dilation(), spec.padBefore(), spec.padAfter(),
        unread(spec), spec.batch() > 1, false, filterText(spec), filterOperands(spec));
    return new Candidate(form, expansion);
  }

  /**
   * dL/dX[n, ci] = crop(sum over co of xcorr(pad(dilate(G[n, co], s), d (k - 1)),
   * rot180(dilate(F[co, cl], d)))): the full correlation of the stride-dilated gradient.
   */
  static Candidate inputGradient(LayerSpec spec) {
    int rank = spec.rank();
    Dims ones = Dims.filled(rank, 1);
    Dims border = border(spec);
    Dims unread = unread(spec);
    Map<Variable, Polynomial> expansion = new LinkedHashMap<>();
    for (int n = 0; n < spec.batch(); n++) {
      for (int ci = 0; ci < spec.channelsIn(); ci++) {
        int cl = ci % spec.channelsInPerGroup();
        int g = ci / spec.channelsInPerGroup();
        List<SymTensor> perChannel = new ArrayList<>();
        for (int co = g * spec.channelsOutPerGroup(); co < (g + 1) * spec.channelsOutPerGroup();
            co++) {
          SymTensor gp = SymTensor.of(TensorName.G, n, co, spec.output())
              .dilate(spec.stride()).pad(border, border);
          perChannel.add(gp.correlate(slidingFilter(spec, co, cl), ones, ones));
        }
        Dims full = perChannel.get(0).shape();
        // Extend by the unread rows (their gradient is 0), then drop the padding.
        SymTensor form = SymTensor.sum(full, perChannel)
            .pad(Dims.filled(rank, 0), unread)
            .crop(spec.padBefore(), spec.input());
        for (int q = 0; q < spec.input().volume(); q++) {
          expansion.put(new Variable(TensorName.X, lead(n, ci, spec.input().indexAt(q))),
              form.entries().get(q));
        }
      }
    }
    ConvolutionForm form = new ConvolutionForm(ConvolutionForm.Kind.INPUT_GRADIENT,
        spec.convention(), spec.stride(), spec.dilation(), spec.padBefore(), spec.padAfter(),
        unread, false, spec.channelsOutPerGroup() > 1, inputText(spec), inputOperands(spec));
    return new Candidate(form, expansion);
  }

  /** dL/db[co] = sum over n and every position of G[n, co]. */
  static Candidate biasGradient(LayerSpec spec) {
    Map<Variable, Polynomial> expansion = new LinkedHashMap<>();
    for (int co = 0; co < spec.channelsOut(); co++) {
      Polynomial.Builder sum = new Polynomial.Builder();
      for (int n = 0; n < spec.batch(); n++) {
        SymTensor.of(TensorName.G, n, co, spec.output()).entries().forEach(sum::add);
      }
      expansion.put(Variable.of(TensorName.B, co), sum.build());
    }
    ConvolutionForm form = new ConvolutionForm(ConvolutionForm.Kind.BIAS_GRADIENT,
        spec.convention(), spec.stride(), spec.dilation(), spec.padBefore(), spec.padAfter(),
        unread(spec), spec.batch() > 1, false, "dL/db = sum(dL/dO)", List.of());
    return new Candidate(form, expansion);
  }

  /** The kernel that slides over the padded gradient: rot180 of the dilated filter. */
  private static SymTensor slidingFilter(LayerSpec spec, int co, int cl) {
    SymTensor f = SymTensor.of(TensorName.F, co, cl, spec.kernel()).dilate(spec.dilation());
    // Under the true convolution the forward pass already read F rotated; rotating again
    // gives F itself.
    return spec.convention() == Convention.CROSS_CORRELATION ? f.rotate180() : f;
  }

  /** The zero border of the full correlation: d (k - 1) on each side. */
  private static Dims border(LayerSpec spec) {
    int[] b = new int[spec.rank()];
    for (int a = 0; a < b.length; a++) {
      b[a] = spec.dilation().get(a) * (spec.kernel().get(a) - 1);
    }
    return Dims.of(b);
  }

  private static Dims unread(LayerSpec spec) {
    int[] r = new int[spec.rank()];
    for (int a = 0; a < r.length; a++) {
      r[a] = spec.unreadRemainder(a);
    }
    return Dims.of(r);
  }

  private static List<ConvolutionForm.Operand> filterOperands(LayerSpec spec) {
    SymTensor x = SymTensor.of(TensorName.X, 0, 0, spec.input());
    SymTensor g = SymTensor.of(TensorName.G, 0, 0, spec.output());
    return List.of(
        new ConvolutionForm.Operand("input", x),
        new ConvolutionForm.Operand("padded-input", x.pad(spec.padBefore(), spec.padAfter())),
        new ConvolutionForm.Operand("gradient", g),
        new ConvolutionForm.Operand("dilated-gradient", g.dilate(spec.stride())));
  }

  private static List<ConvolutionForm.Operand> inputOperands(LayerSpec spec) {
    SymTensor f = SymTensor.of(TensorName.F, 0, 0, spec.kernel());
    SymTensor g = SymTensor.of(TensorName.G, 0, 0, spec.output());
    Dims border = border(spec);
    return List.of(
        new ConvolutionForm.Operand("filter", f),
        new ConvolutionForm.Operand("flipped-filter", f.flip(0)),
        new ConvolutionForm.Operand("rotated-filter", f.rotate180()),
        new ConvolutionForm.Operand("dilated-rotated-filter", slidingFilter(spec, 0, 0)),
        new ConvolutionForm.Operand("gradient", g),
        new ConvolutionForm.Operand("dilated-gradient", g.dilate(spec.stride())),
        new ConvolutionForm.Operand("padded-gradient",
            g.dilate(spec.stride()).pad(border, border)));
  }

  private static String filterText(LayerSpec spec) {
    String args = arguments(spec, spec.padBefore(), spec.padAfter(), spec.dilation(),
        spec.stride());
    String conv = "conv(X, dL/dO" + args + ")";
    return "dL/dF = " + (spec.convention() == Convention.CONVOLUTION ? "rot180(" + conv + ")"
        : conv);
  }

  private static String inputText(LayerSpec spec) {
    String filter = spec.convention() == Convention.CONVOLUTION ? "F" : "rot180(F)";
    return "dL/dX = full_conv(" + filter + ", dL/dO"
        + arguments(spec, spec.padBefore(), spec.padAfter(), spec.stride(), spec.dilation())
        + ")";
  }

  /**
   * Keyword arguments in the claim syntax, leaving out those at their defaults; a grouped layer
   * adds {@code groups=G}, since its channels form G independent blocks.
   */
  private static String arguments(LayerSpec spec, Dims before, Dims after, Dims stride,
      Dims dilation) {
    StringBuilder sb = new StringBuilder();
    if (!before.allEqual(0) || !after.allEqual(0)) {
      sb.append(", padding=").append(before.equals(after) ? amount(before)
          : amount(before) + "/" + amount(after));
    }
    if (!stride.allEqual(1)) {
      sb.append(", stride=").append(amount(stride));
    }
    if (!dilation.allEqual(1)) {
      sb.append(", dilation=").append(amount(dilation));
    }
    if (spec.groups() > 1) {
      sb.append(", groups=").append(spec.groups());
    }
    return sb.toString();
  }

  /** One number when every axis agrees ({@code 2}), otherwise one per axis ({@code 2x1}). */
  private static String amount(Dims d) {
    return d.allEqual(d.get(0)) ? String.valueOf(d.get(0)) : d.toSizeString();
  }

  private static int group(LayerSpec spec, int co) {
    return co / spec.channelsOutPerGroup();
  }

  private static Dims lead(int first, int second, int[] spatial) {
    int[] idx = new int[spatial.length + 2];
    idx[0] = first;
    idx[1] = second;
    System.arraycopy(spatial, 0, idx, 2, spatial.length);
    return Dims.of(idx);
  }
}
