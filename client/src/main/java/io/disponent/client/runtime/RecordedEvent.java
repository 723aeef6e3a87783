package io.disponent.client.runtime;

import java.time.Instant;

/**
 * One core/v1 Event as the recorder last wrote it: where it lives, what it is about and says, how often it
 * happened and between which times.
 */
record RecordedEvent(String namespace, String name, InvolvedObject involved, EventRecorder.Type type,
    String reason, String message, int count, Instant first, Instant last) {

  /** The same Event seen once more at {@code now}, saying {@code message}. */
  RecordedEvent repeated(String message, Instant now) {
    return new RecordedEvent(namespace, name, involved, type, reason, message, count + 1, first, now);
  }
}
