package io.disponent.store;

/** A running watch. Closing it stops delivery; a listener may still be inside a call. */
public interface Watch extends AutoCloseable {

  long id();

  @Override
  void close();
}
