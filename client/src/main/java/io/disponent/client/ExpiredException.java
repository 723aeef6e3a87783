package io.disponent.client;

/** 410 Gone/Expired: the requested resourceVersion was compacted or left the watch window; re-list. */
public final class ExpiredException extends ApiException {
  ExpiredException(Status status, String message) {
    super(status, message, null);
  }
}
