package io.disponent.bench;

import java.util.concurrent.CompletableFuture;

/** The three requests the bench sends, over one system's client. Thread-safe, asynchronous. */
public interface KvDriver extends AutoCloseable {

  /** "etcd" or "disponent". */
  String system();

  /** Puts unconditionally; completes with the key's new modRevision. */
  CompletableFuture<Long> put(String key, byte[] value);

  /** Puts if the key's modRevision is still {@code expectedModRevision}. */
  CompletableFuture<CasOutcome> cas(String key, long expectedModRevision, byte[] value);

  /** A linearizable read; completes with the value, or null when the key is absent. */
  CompletableFuture<byte[]> get(String key);

  @Override
  void close();
}
