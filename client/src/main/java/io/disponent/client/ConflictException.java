package io.disponent.client;

/** 409 Conflict (a stale resourceVersion, or the object already exists): re-read and retry. */
public final class ConflictException extends ApiException {
  ConflictException(Status status, String message) {
    super(status, message, null);
  }
}
