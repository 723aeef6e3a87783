package io.disponent.apiserver.internal.http;

import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.metrics.ApiMetrics;
import io.disponent.apiserver.internal.startup.Startup;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches over WebSocket, as the Kubernetes API server serves them to clients that prefer it
 * (fabric8 does): the upgrade request carries the same path and query as an HTTP watch, and each
 * watch event is one text message. Anything but a watch is refused with a Status and closed.
 */
final class WatchSocket {

  private static final Logger log = LoggerFactory.getLogger(WatchSocket.class);

  private final ResourceHandler resources;
  private final ApiMetrics metrics;
  private final Startup startup;
  private final Map<String, Thread> streams = new ConcurrentHashMap<>();

  WatchSocket(ResourceHandler resources, ApiMetrics metrics, Startup startup) {
    this.resources = resources;
    this.metrics = metrics;
    this.startup = startup;
  }

  void configure(WsConfig ws) {
    ws.onConnect(ctx -> {
      ctx.session.setIdleTimeout(java.time.Duration.ZERO);
      Thread t = new Thread(() -> stream(ctx), "watch-ws-" + ctx.sessionId());
      t.setDaemon(true);
      streams.put(ctx.sessionId(), t);
      t.start();
    });
    ws.onClose(ctx -> stop(ctx.sessionId()));
    ws.onError(ctx -> stop(ctx.sessionId()));
  }

  private void stream(WsContext ctx) {
    long start = System.nanoTime();
    String resource = "";
    int code = 200;
    try {
      ApiException refusal = startup.refusal();
      if (refusal != null) {
        throw refusal;
      }
      String path = ctx.session.getUpgradeRequest().getRequestURI().getPath();
      ResourceHandler.Target target = resources.resolveWatch(path);
      resource = target.type().plural();
      resources.watchTo(new MessagePerWrite(ctx), target, ctx::queryParam, ctx.header("Accept"));
    } catch (ApiException e) {
      code = e.code();
      sendQuietly(ctx, WatchStreamer.line("ERROR", Json.bytes(e.toStatus())));
    } catch (IOException e) {
      // The client went away.
    } catch (RuntimeException e) {
      code = 500;
      log.warn("websocket watch failed", e);
      sendQuietly(ctx, WatchStreamer.line("ERROR", Json.bytes(ApiException.internal(e.toString()).toStatus())));
    } finally {
      streams.remove(ctx.sessionId());
      metrics.request("WATCH", resource, code, System.nanoTime() - start);
      ctx.closeSession();
    }
  }

  private void stop(String sessionId) {
    Thread t = streams.remove(sessionId);
    if (t != null) {
      t.interrupt();
    }
  }

  private static void sendQuietly(WsContext ctx, byte[] line) {
    try {
      ctx.send(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // The client went away.
    }
  }

  /** Each write of the watch streamer is one whole event line: send it as one message. */
  private static final class MessagePerWrite extends OutputStream {
    private final WsContext ctx;

    MessagePerWrite(WsContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void write(int b) {
      throw new UnsupportedOperationException("whole lines only");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (!ctx.session.isOpen()) {
        throw new IOException("websocket closed");
      }
      int end = len > 0 && b[off + len - 1] == '\n' ? len - 1 : len;
      try {
        ctx.send(new String(b, off, end, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new IOException(e);
      }
    }
  }
}
