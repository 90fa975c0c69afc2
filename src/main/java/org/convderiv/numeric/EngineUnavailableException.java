package org.convderiv.numeric;

/**
 * An engine that cannot run on this machine, such as PyTorch when its native library does not
 * load. The message is one line that says what failed and which engine still works.
 */
public final class EngineUnavailableException extends IllegalStateException {
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
