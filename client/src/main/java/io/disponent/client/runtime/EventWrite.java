package io.disponent.client.runtime;

/**
 * What the recorder writes for one occurrence: a new Event ({@link Create}), or a repeat of one it wrote
 * before ({@link Bump}: count, lastTimestamp and message). {@code key} is the correlation key that
 * occurrence fell under: writes of one key must reach the server in order.
 */
sealed interface EventWrite permits EventWrite.Create, EventWrite.Bump {

  String key();

  RecordedEvent event();

  record Create(String key, RecordedEvent event) implements EventWrite {}

  record Bump(String key, RecordedEvent event) implements EventWrite {}
}
