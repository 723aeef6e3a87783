package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.cache.WatchItem;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.WatchSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Streams a watch as chunked JSON lines, {@code {"type":...,"object":...}} each, on the request's
 * thread until the timeout, the end of the watch, or the client going away. Bookmarks go out when
 * nothing happened for a while and just before a timeout, if the client allows them.
 */
public final class WatchStreamer {

  /** How a stream is shaped. */
  public record Options(boolean table, String includeObject, boolean bookmarks, boolean initialEventsEnd,
      Duration timeout, Duration bookmarkInterval) {}

  private static final byte[] OBJECT = ",\"object\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] END = "}\n".getBytes(StandardCharsets.UTF_8);

  private final TableRenderer tables;

  public WatchStreamer(TableRenderer tables) {
    this.tables = tables;
  }

  public void stream(OutputStream out, ResourceType type, WatchSession session, Options options) throws IOException {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    long lastSent = System.nanoTime();
    try (session) {
      List<WatchItem> initial = session.initial();
      for (WatchItem item : initial) {
        write(out, type, item, options);
      }
      if (options.initialEventsEnd() && options.bookmarks()) {
        writeBookmark(out, type, session.revision(), true);
      }
      out.flush();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          if (options.bookmarks()) {
            writeBookmark(out, type, session.revision(), false);
            out.flush();
          }
          return;
        }
        long wait = Math.min(left, options.bookmarkInterval().toNanos()) / 1_000_000;
        WatchItem item = session.poll(Math.max(1, wait));
        if (item == null) {
          if (session.ended()) {
            ApiException error = session.error();
            if (error != null) {
              out.write(line("ERROR", Json.bytes(error.toStatus())));
              out.flush();
            }
            return;
          }
          if (options.bookmarks() && System.nanoTime() - lastSent >= options.bookmarkInterval().toNanos()) {
            writeBookmark(out, type, session.revision(), false);
            out.flush();
            lastSent = System.nanoTime();
          }
          continue;
        }
        write(out, type, item, options);
        for (WatchItem next; (next = session.poll(0)) != null; ) {
          write(out, type, next, options);
        }
        out.flush();
        lastSent = System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(OutputStream out, ResourceType type, WatchItem item, Options options) throws IOException {
    byte[] object = options.table()
        ? Json.bytes(tables.table(type, List.of(item.object()), item.revision(), null, options.includeObject()))
        : item.object().json();
    out.write(line(item.type(), object));
  }

  private void writeBookmark(OutputStream out, ResourceType type, long revision, boolean initialEventsEnd)
      throws IOException {
    ObjectNode obj = Json.object();
    obj.put("kind", type.kind());
    obj.put("apiVersion", type.apiVersion());
    ObjectNode meta = obj.putObject("metadata");
    meta.put("resourceVersion", Long.toString(revision));
    meta.put("creationTimestamp", (String) null);
    if (initialEventsEnd) {
      meta.putObject("annotations").put("k8s.io/initial-events-end", "true");
    }
    out.write(line("BOOKMARK", Json.bytes(obj)));
  }

  static byte[] line(String type, byte[] object) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(object.length + 40);
    b.writeBytes(("{\"type\":\"" + type + "\"").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(OBJECT);
    b.writeBytes(object);
    b.writeBytes(END);
    return b.toByteArray();
  }
}
