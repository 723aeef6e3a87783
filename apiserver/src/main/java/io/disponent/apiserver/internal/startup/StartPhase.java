package io.disponent.apiserver.internal.startup;

/** Where a server is in its life; it moves through these in order and never back. */
public enum StartPhase {
  /** Listening; loading the watch cache of the CRDs, which says what kinds exist. */
  LOADING_CACHES,
  /** Creating the default namespaces and Disponent's own CRDs (idempotent; every member does it). */
  BOOTSTRAPPING,
  /** Serving every request. */
  SERVING,
  /** Closing. */
  STOPPING
}
