package org.convderiv.layer;

/**
 * How the kernel slides. Deep-learning frameworks call cross-correlation "convolution"; the true
 * convolution flips the kernel on every spatial axis first, which moves the 180-degree rotation
 * from the input gradient to the filter gradient.
 */
public enum Convention {
  CROSS_CORRELATION("cross-correlation"),
  CONVOLUTION("convolution");

  private final String label;

  Convention(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Convention parse(String text) {
    for (Convention c : values()) {
      if (c.label.equalsIgnoreCase(text.trim())) {
        return c;
      }
    }
    throw new LayerException(
        "convention (" + text + ") must be cross-correlation or convolution");
  }
}
