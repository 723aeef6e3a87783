package io.disponent.agent.server;

import io.disponent.agent.logs.LogSource;
import io.disponent.agent.logs.LogStream;
import io.disponent.agent.logs.TaskLogs;
import io.disponent.client.runtime.DaemonThreads;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP server (Javalin): {@code GET /healthz} and
 * {@code GET /v1/tasks/{ns}/{name}/log?follow=&tailLines=&container=stdout|stderr}, the target of
 * the API server's task log proxy. Logs are text/plain; a follow streams appended bytes until the
 * client goes away, the task's process has ended (and its last bytes are sent), or the server closes.
 */
public final class AgentServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /** Finds the output of a task by namespace and name. */
  @FunctionalInterface
  public interface LogSources {
    Optional<LogSource> find(String namespace, String name);
  }

  private final Javalin app;
  private final Set<InputStream> follows = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("log-follow-watchdog"));

  private AgentServer(Javalin app) {
    this.app = app;
  }

  public static AgentServer start(String host, int port, LogSources sources) {
    Javalin app = Javalin.create(c -> {
      c.showJavalinBanner = false;
      c.http.disableCompression();
    });
    AgentServer server = new AgentServer(app);
    app.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok\n"));
    app.get("/v1/tasks/{ns}/{name}/log", ctx -> server.log(ctx, sources));
    app.start(host, port);
    LOG.info("agent: serving on http://{}:{}", host, app.port());
    return server;
  }

  public int port() {
    return app.port();
  }

  private void log(Context ctx, LogSources sources) throws IOException {
    String ns = ctx.pathParam("ns");
    String name = ctx.pathParam("name");
    boolean follow = Boolean.parseBoolean(ctx.queryParam("follow"));
    String container = Optional.ofNullable(ctx.queryParam("container")).orElse("stdout");
    LogStream stream;
    switch (container) {
      case "stdout", "" -> stream = LogStream.STDOUT;
      case "stderr" -> stream = LogStream.STDERR;
      default -> {
        ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain").result("container must be stdout or stderr\n");
        return;
      }
    }
    int tail;
    try {
      tail = ctx.queryParam("tailLines") == null ? Integer.MAX_VALUE : Integer.parseInt(ctx.queryParam("tailLines"));
    } catch (NumberFormatException e) {
      ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain").result("tailLines must be a number\n");
      return;
    }
    Optional<LogSource> src = sources.find(ns, name);
    if (src.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain").result("no sandbox for task " + ns + "/" + name + " on this node\n");
      return;
    }
    TaskLogs logs = new TaskLogs(src.get().files());
    ctx.contentType("text/plain; charset=utf-8");
    if (!follow) {
      ctx.result(logs.tail(stream, tail));
      return;
    }
    InputStream in = logs.follow(stream, tail, POLL);
    follows.add(in);
    // once the process has ended, give the follower two polls to send the last bytes, then end it
    long[] endedSince = {0};
    ScheduledFuture<?> check = watchdog.scheduleWithFixedDelay(() -> {
      if (endedSince[0] == 0 && src.get().ended().getAsBoolean()) {
        endedSince[0] = System.nanoTime();
      } else if (endedSince[0] != 0 && System.nanoTime() - endedSince[0] > POLL.toNanos() * 3) {
        closeQuietly(in);
      }
    }, 500, 500, TimeUnit.MILLISECONDS);
    try {
      OutputStream out = ctx.res().getOutputStream();
      ctx.res().flushBuffer();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      LOG.debug("logs: follow of {}/{} ended: {}", ns, name, e.toString());
    } finally {
      check.cancel(false);
      follows.remove(in);
      closeQuietly(in);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // a follower's close does not throw
    }
  }

  @Override
  public void close() {
    follows.forEach(AgentServer::closeQuietly);
    watchdog.shutdownNow();
    app.stop();
  }
}
