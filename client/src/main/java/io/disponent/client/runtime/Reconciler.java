package io.disponent.client.runtime;

/**
 * Drives the world named by a key toward its declared state.
 *
 * <p>Level-based: the reconciler gets a key, not an event. It reads the current state (from
 * informer caches), decides, and writes idempotently; it must give the same outcome however many
 * events were folded into one call and whether the object still exists. Throwing requeues the key
 * with per-key exponential backoff; a {@link TerminalException} is logged and not retried. Never
 * called concurrently for one key.
 */
@FunctionalInterface
public interface Reconciler {
  Result reconcile(Key key) throws Exception;
}
