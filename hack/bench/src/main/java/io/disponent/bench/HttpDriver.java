package io.disponent.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of {@link HttpClient}s (HTTP/1.1, keep-alive) to one server: each client has its
 * own selector thread, so a worker's requests go round the pool. A worker that keeps its next
 * request for when the previous one completed reuses one connection.
 */
final class HttpDriver implements AutoCloseable {
  private final String base;
  private final HttpClient[] clients;
  private final ExecutorService executor;
  private final AtomicInteger next = new AtomicInteger();

  HttpDriver(String base, int clients, int threads) {
    this.base = base;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.clients = new HttpClient[clients];
    for (int i = 0; i < clients; i++) {
      this.clients[i] = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(executor)
          .build();
    }
  }

  /** A client of the pool for one worker or one stream. */
  HttpClient client(int index) {
    return clients[Math.floorMod(index, clients.length)];
  }

  HttpClient anyClient() {
    return client(next.getAndIncrement());
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  /** POSTs JSON; completes with the status code. */
  CompletableFuture<Integer> post(HttpClient client, String path, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
  }

  /** GETs; completes with the status code, the body discarded. */
  CompletableFuture<Integer> get(HttpClient client, String path) {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
  }

  /** GETs and returns the body as a string, waiting. */
  String getString(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<String> r = anyClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
