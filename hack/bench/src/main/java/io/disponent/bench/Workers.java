package io.disponent.bench;

/** Makes each closed-loop worker's stream of requests. */
@FunctionalInterface
interface Workers {
  /** The request stream of worker {@code worker} of {@code workers}. */
  Request worker(int worker, int workers);
}
