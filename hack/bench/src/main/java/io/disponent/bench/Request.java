package io.disponent.bench;

import java.util.concurrent.CompletableFuture;

/** One worker's next request; completes with whether it did what was asked. */
@FunctionalInterface
interface Request {
  CompletableFuture<Boolean> issue();
}
