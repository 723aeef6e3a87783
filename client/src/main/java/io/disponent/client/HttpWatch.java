package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * A streaming watch on its own daemon thread; {@code closed} stops it, and the stream is closed to unblock. A stream
 * that breaks or ends with a 503 moves the client off its member, so the caller's next watch (from the last
 * resourceVersion, as an Informer does) goes to another one. So does a stream silent for longer than the client's
 * watch idle timeout ({@link #expireIfIdle}), which is how a member behind a dead network shows.
 */
final class HttpWatch implements Watch {
  private final Transport transport;
  private final String path;
  private final WatchHandler handler;
  private final String what;
  /** The client's open watches; this one leaves it when it ends or is closed. */
  private final Set<HttpWatch> open;
  private final Thread thread;
  private volatile boolean closed;
  private volatile InputStream stream;
  /** System.nanoTime() of the last line read (or of the start). */
  private volatile long lastLine = System.nanoTime();
  /** Set with the idle limit when {@link #expireIfIdle} closed the stream. */
  private volatile Duration expiredAfter;

  HttpWatch(Transport transport, String path, WatchHandler handler, String what, Set<HttpWatch> open) {
    this.transport = transport;
    this.path = path;
    this.handler = handler;
    this.what = what;
    this.open = open;
    this.thread = new Thread(this::run, what);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    ApiException cause = null;
    int at = transport.member();
    try {
      open(at);
      if (!closed) {
        cause = stream();
        if (cause != null) {
          transport.failed(what, at, cause);
        }
      }
    } catch (ApiException e) {
      cause = e;
    } catch (RuntimeException e) {
      cause = new UnavailableException("Unavailable", what + ": " + e, e);
    } finally {
      open.remove(this);
      closeStream();
    }
    if (!closed) {
      handler.onClose(cause);
    }
  }

  private void open(int at) {
    InputStream opened = transport.openStream(what, path, at);
    lastLine = System.nanoTime();
    stream = opened;
    if (closed) {
      closeStream();
    }
  }

  /** Reads lines until the end; answers the cause of an abnormal end (null when normal). */
  private ApiException stream() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while (!closed && (line = in.readLine()) != null) {
        lastLine = System.nanoTime();
        if (line.isBlank()) {
          continue;
        }
        JsonNode ev = ApiClient.JSON.readTree(line);
        String type = ev.path("type").asText();
        if ("ERROR".equals(type)) {
          JsonNode obj = ev.path("object");
          return ApiException.of(what, Status.from(obj.path("code").asInt(500), obj, line), null);
        }
        handler.onEvent(new WatchEvent(type, ev.path("object")));
      }
      return expired(null);
    } catch (IOException e) {
      return closed ? null : expired(new UnavailableException("Unavailable", what + ": stream broken: " + e, e));
    }
  }

  /** The failure to report when the stream ended ({@code otherwise}, null for a normal end) or was expired. */
  private ApiException expired(ApiException otherwise) {
    Duration after = expiredAfter;
    if (after == null || closed) {
      return otherwise;
    }
    return new UnavailableException("Unavailable", what + ": no event or bookmark for " + after + "; the member "
        + "may be unreachable", new IOException("watch idle for " + after));
  }

  /** Closes the stream when no line came for {@code limit}; the watch then ends as a failure (no answer). */
  void expireIfIdle(long nowNanos, Duration limit) {
    if (!closed && stream != null && expiredAfter == null && nowNanos - lastLine > limit.toNanos()) {
      expiredAfter = limit;
      closeStream();
    }
  }

  private void closeStream() {
    InputStream s = stream;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing to unblock a reader; nothing more to do
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    closeStream();
    if (stream == null) {
      thread.interrupt();
    }
    open.remove(this);
  }
}
