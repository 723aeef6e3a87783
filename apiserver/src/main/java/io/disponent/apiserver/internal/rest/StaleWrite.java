package io.disponent.apiserver.internal.rest;

/** The object changed between read and write; patches and deletes retry, updates answer 409. */
final class StaleWrite extends RuntimeException {
  StaleWrite() {
    super(null, null, false, false);
  }
}
