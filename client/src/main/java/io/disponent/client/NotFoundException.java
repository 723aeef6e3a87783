package io.disponent.client;

/** 404 NotFound. */
public final class NotFoundException extends ApiException {
  NotFoundException(Status status, String message) {
    super(status, message, null);
  }
}
