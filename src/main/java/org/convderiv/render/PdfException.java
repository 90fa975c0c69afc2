package org.convderiv.render;

/** A PDF could not be made; the message is one line for the user. */
public final class PdfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PdfException(String message) {
    super(message);
  }
}
