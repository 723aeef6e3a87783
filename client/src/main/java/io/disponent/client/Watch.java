package io.disponent.client;

/** An open watch; closing it ends the stream (idempotent). */
public interface Watch extends AutoCloseable {
  @Override
  void close();
}
