package io.disponent.client.runtime;

/** A reconcile failure that retrying cannot fix (bad input): logged, counted, not requeued. */
public class TerminalException extends RuntimeException {
  public TerminalException(String message) {
    super(message);
  }

  public TerminalException(String message, Throwable cause) {
    super(message, cause);
  }
}
