package org.convderiv.cli;

import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerException;
import org.convderiv.layer.LayerSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that describe a layer, shared by every command that derives one. */
public final class LayerOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--input", paramLabel = "HxW",
      description = "Input size: 7, 5x5 or 4x4x4 (rank 1 to 3). Default: 3x3.")
  String input;

  @Option(names = "--kernel", paramLabel = "KHxKW",
      description = "Kernel size, with as many axes as the input. Default: 2x2 (2 per axis).")
  String kernel;

  @Option(names = "--stride", paramLabel = "S", description = "Stride: 2 or 2x1. Default: 1.")
  String stride;

  @Option(names = "--padding", paramLabel = "P",
      description = "Zero padding: valid, same, full, 1, 1x0 (per axis) or 0:1x1:0"
          + " (before:after per axis). Default: valid.")
  String padding;

  @Option(names = "--dilation", paramLabel = "D", description = "Dilation: 2 or 2x1. Default: 1.")
  String dilation;

  @Option(names = "--channels-in", paramLabel = "C", description = "Input channels. Default: 1.")
  Integer channelsIn;

  @Option(names = "--channels-out", paramLabel = "C",
      description = "Output channels. Default: 1.")
  Integer channelsOut;

  @Option(names = "--groups", paramLabel = "G",
      description = "Groups; must divide both channel counts. Default: 1.")
  Integer groups;

  @Option(names = "--batch", paramLabel = "N", description = "Batch size. Default: 1.")
  Integer batch;

  @Option(names = "--bias", description = "Add a bias per output channel.")
  boolean bias;

  @Option(names = "--convention", paramLabel = "NAME",
      description = "cross-correlation (as deep learning frameworks, default) or convolution"
          + " (kernel flipped).")
  String convention;

  /** True when the user set any geometry option. */
  boolean anyGiven() {
    return input != null || kernel != null || stride != null || padding != null
        || dilation != null || channelsIn != null || channelsOut != null || groups != null
        || batch != null || bias || convention != null;
  }

  /** The layer the options describe, with the classic 3x3 input and 2x2 kernel as defaults. */
  LayerSpec toSpec() {
    Dims in = SizeParser.dims("input", input == null ? "3x3" : input);
    int rank = in.rank();
    Dims k = kernel == null ? Dims.filled(rank, 2) : SizeParser.perAxis("kernel", kernel, rank);
    LayerSpec.Builder b = LayerSpec.builder(in, k);
    if (stride != null) {
      b.stride(SizeParser.perAxis("stride", stride, rank));
    }
    if (dilation != null) {
      b.dilation(SizeParser.perAxis("dilation", dilation, rank));
    }
    if (padding != null) {
      b.padding(SizeParser.padding(padding, rank));
    }
    if (channelsIn != null) {
      b.channelsIn(channelsIn);
    }
    if (channelsOut != null) {
      b.channelsOut(channelsOut);
    }
    if (groups != null) {
      b.groups(groups);
    }
    if (batch != null) {
      b.batch(batch);
    }
    if (convention != null) {
      b.convention(Convention.parse(convention));
    }
    return b.bias(bias).build();
  }

  /**
   * Checks options given beside a case file against the file's layer: they must agree.
   */
  void checkAgreesWith(LayerSpec fromFile) {
    if (!anyGiven()) {
      return;
    }
    LayerSpec given = toSpecOver(fromFile);
    if (!given.equals(fromFile)) {
      throw new LayerException("options (" + describe(given) + ") disagree with the case file ("
          + describe(fromFile) + "); give one or the other");
    }
  }

  /** The options applied on top of another layer: unspecified ones keep that layer's values. */
  private LayerSpec toSpecOver(LayerSpec base) {
    LayerOptions merged = new LayerOptions();
    merged.input = input != null ? input : base.input().toSizeString();
    merged.kernel = kernel != null ? kernel : base.kernel().toSizeString();
    merged.stride = stride != null ? stride : base.stride().toSizeString();
    merged.dilation = dilation != null ? dilation : base.dilation().toSizeString();
    merged.channelsIn = channelsIn != null ? channelsIn : base.channelsIn();
    merged.channelsOut = channelsOut != null ? channelsOut : base.channelsOut();
    merged.groups = groups != null ? groups : base.groups();
    merged.batch = batch != null ? batch : base.batch();
    merged.bias = bias || base.bias();
    merged.convention = convention != null ? convention : base.convention().label();
    LayerSpec.Builder b = LayerSpec.builder(SizeParser.dims("input", merged.input),
            SizeParser.perAxis("kernel", merged.kernel, base.rank()))
        .stride(SizeParser.perAxis("stride", merged.stride, base.rank()))
        .dilation(SizeParser.perAxis("dilation", merged.dilation, base.rank()))
        .channelsIn(merged.channelsIn).channelsOut(merged.channelsOut).groups(merged.groups)
        .batch(merged.batch).bias(merged.bias).convention(Convention.parse(merged.convention))
        .padding(padding != null ? SizeParser.padding(padding, base.rank()) : base.padding());
    return b.build();
  }

  private static String describe(LayerSpec s) {
    return "input " + s.input() + ", kernel " + s.kernel() + ", stride " + s.stride()
        + ", padding " + s.padding().describe() + ", dilation " + s.dilation()
        + ", channels " + s.channelsIn() + "->" + s.channelsOut() + ", groups " + s.groups()
        + ", batch " + s.batch() + (s.bias() ? ", bias" : "") + ", " + s.convention().label();
  }
}
