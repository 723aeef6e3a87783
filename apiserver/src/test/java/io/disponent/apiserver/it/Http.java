package io.disponent.apiserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A small JSON client for integration tests. */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** One response: code, headers and body (parsed when JSON). */
  public record Response(int code, HttpResponse<byte[]> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(new String(raw.body(), StandardCharsets.UTF_8), e);
      }
    }

    public String text() {
      return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public List<String> header(String name) {
      return raw.headers().allValues(name);
    }
  }

  private final String base;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Http(String base) {
    this.base = base;
  }

  public Response get(String path) {
    return send("GET", path, null, null, null);
  }

  public Response get(String path, String accept) {
    return send("GET", path, null, null, accept);
  }

  public Response post(String path, String body) {
    return send("POST", path, body, "application/json", null);
  }

  public Response put(String path, String body) {
    return send("PUT", path, body, "application/json", null);
  }

  public Response patch(String path, String contentType, String body) {
    return send("PATCH", path, body, contentType, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null, null);
  }

  public Response delete(String path, String body) {
    return send("DELETE", path, body, "application/json", null);
  }

  public Response send(String method, String path, String body, String contentType, String accept) {
    return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, accept);
  }

  public Response sendBytes(String method, String path, byte[] body, String contentType, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A streaming watch: lines arrive in {@link #events}; close to stop. */
  public final class WatchStream implements AutoCloseable {
    public final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    public volatile int code;
    private final Thread reader;
    private volatile java.io.InputStream in;

    WatchStream(String path) {
      reader = new Thread(() -> {
        try {
          HttpResponse<java.io.InputStream> r = client.send(
              HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofInputStream());
          code = r.statusCode();
          in = r.body();
          BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          for (String line; (line = lines.readLine()) != null; ) {
            if (!line.isBlank()) {
              events.add(JSON.readTree(line));
            }
          }
        } catch (IOException | InterruptedException e) {
          // closed
        }
      }, "test-watch");
      reader.setDaemon(true);
      reader.start();
    }

    public JsonNode next(Duration timeout) throws InterruptedException {
      return events.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public List<JsonNode> drain() {
      List<JsonNode> out = new ArrayList<>();
      events.drainTo(out);
      return out;
    }

    @Override
    public void close() {
      try {
        if (in != null) {
          in.close();
        }
      } catch (IOException e) {
        // closing anyway
      }
      reader.interrupt();
    }
  }

  public WatchStream watch(String path) {
    return new WatchStream(path);
  }
}
