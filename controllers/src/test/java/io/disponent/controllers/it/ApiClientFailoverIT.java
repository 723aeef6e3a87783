package io.disponent.controllers.it;

import static io.disponent.testkit.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ApiException;
import io.disponent.client.ClientConfig;
import io.disponent.client.Gvr;
import io.disponent.client.UnavailableException;
import io.disponent.client.Watch;
import io.disponent.client.WatchEvent;
import io.disponent.client.runtime.Informer;
import io.disponent.store.FreePorts;
import io.disponent.testkit.ControlPlane;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API servers in this JVM over one store stand for two members: a client given both keeps its watch and
 * its writes when the member it talks to stops, and moves on from a member that answers 503 or whose watch stream
 * stays silent past the idle timeout.
 */
class ApiClientFailoverIT {

  private static final String NS = "failover";
  private static final Duration SHORT = Duration.ofSeconds(15);

  @TempDir Path dir;
  private ControlPlane plane;
  private ApiServer other;
  private SilentMember silent;

  @AfterEach
  void stop() throws IOException {
    if (silent != null) {
      silent.close();
    }
    if (other != null) {
      other.close();
    }
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void aWatchAndWritesContinueWhenTheMemberInUseStops() {
    plane = ControlPlane.start(dir);
    plane.namespace(NS);
    other = ApiServer.start(plane.store(), ApiServerConfig.defaults("127.0.0.1", FreePorts.loopback()));
    try (ApiClient client = new ApiClient(ClientConfig.defaults(other.url(), plane.url())
        .withRetry(3, Duration.ofMillis(50), Duration.ofSeconds(1)));
        Informer<JsonNode> tasks = Informer.of(client, Gvr.TASKS).start()) {
      client.create(Gvr.TASKS, NS, task(NS, "before").build());
      await("the watch through the first member").atMost(SHORT)
          .until(() -> tasks.get(NS, "before").isPresent());
      assertThat(client.server().toString()).isEqualTo(trim(other.url()));

      other.close();
      client.create(Gvr.TASKS, NS, task(NS, "after").build());
      assertThat(client.server().toString()).as("moved on").isEqualTo(trim(plane.url()));
      await("the watch, re-established on the second member").atMost(SHORT)
          .until(() -> tasks.get(NS, "after").isPresent());
    }
  }

  @Test
  void aWriteRefusedWith503GoesToTheNextMember() {
    plane = ControlPlane.start(dir);
    plane.namespace(NS);
    other = ApiServer.startWaiting(plane.store(), ApiServerConfig.defaults("127.0.0.1", FreePorts.loopback()),
        () -> false);
    try (ApiClient client = new ApiClient(ClientConfig.defaults(other.url(), plane.url())
        .withRetry(2, Duration.ofMillis(50), Duration.ofSeconds(1)))) {
      long began = System.nanoTime();
      JsonNode created = client.create(Gvr.TASKS, NS, task(NS, "refused-first").build());
      assertThat(created.path("metadata").path("uid").asText()).isNotEmpty();
      assertThat(client.server().toString()).isEqualTo(trim(plane.url()));
      assertThat(Duration.ofNanos(System.nanoTime() - began)).as("no Retry-After wait before an untried member")
          .isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void aWatchSilentForTheIdleTimeoutMovesToTheNextMember() throws Exception {
    plane = ControlPlane.start(dir);
    plane.namespace(NS);
    silent = new SilentMember();
    try (ApiClient client = new ApiClient(ClientConfig.defaults(silent.url(), plane.url())
        .withWatchIdleTimeout(Duration.ofSeconds(1)))) {
      CompletableFuture<ApiException> ended = new CompletableFuture<>();
      List<WatchEvent> events = new CopyOnWriteArrayList<>();
      long began = System.nanoTime();
      try (Watch w = client.watch(Gvr.TASKS, NS, null, null, null, ApiClientIT.handler(events, ended))) {
        assertThat(ended.get(10, TimeUnit.SECONDS)).isInstanceOf(UnavailableException.class)
            .hasMessageContaining("no event or bookmark");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(client.server().toString()).as("moved on").isEqualTo(trim(plane.url()));

      CompletableFuture<ApiException> second = new CompletableFuture<>();
      try (Watch w = client.watch(Gvr.TASKS, NS, null, null, null, ApiClientIT.handler(events, second))) {
        client.create(Gvr.TASKS, NS, task(NS, "seen").build());
        await("an event through the next member").atMost(SHORT).until(() -> events.stream()
            .anyMatch(e -> "seen".equals(e.object().path("metadata").path("name").asText())));
      }
    }
  }

  /** Accepts connections and answers every request with 200 headers, then nothing: a member behind a dead link. */
  private static final class SilentMember implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor = new Thread(this::accept, "silent-member");

    SilentMember() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
      try {
        while (true) {
          Socket s = server.accept();
          accepted.add(s);
          s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
        }
      } catch (IOException closed) {
        // close() ends the loop
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
