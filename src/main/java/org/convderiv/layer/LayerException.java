package org.convderiv.layer;

/** A layer description that cannot be derived; the message is one line that quotes the input. */
public final class LayerException extends IllegalArgumentException {
  public LayerException(String message) {
    super(message);
  }
}
