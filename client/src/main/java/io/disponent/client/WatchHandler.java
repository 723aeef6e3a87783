package io.disponent.client;

/** Receives one watch's events, in order, on the watch's own thread. */
public interface WatchHandler {

  void onEvent(WatchEvent event);

  /**
   * The watch ended: {@code cause} is null when the server ended it normally (timeout), an {@link
   * ExpiredException} on 410 (HTTP status or an ERROR line), or another {@link ApiException}. Not
   * called after the caller closed the watch.
   */
  void onClose(ApiException cause);
}
