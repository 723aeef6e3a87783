package io.disponent.agent.health;

import io.disponent.agent.runtime.ExecResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/** Runs one check once against a task: HTTP GET, TCP connect, or a command in the sandbox. Blocking. */
final class Probes {
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  ProbeResult probe(CheckSpec c, HealthTarget t) {
    try {
      return switch (c.type() == null ? "" : c.type().toUpperCase(Locale.ROOT)) {
        case "HTTP" -> http(c, t);
        case "TCP" -> tcp(c, t);
        case "COMMAND" -> command(c, t);
        default -> ProbeResult.failed("unknown check type " + c.type());
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.failed("interrupted");
    } catch (IOException | RuntimeException e) {
      return ProbeResult.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private int port(CheckSpec c, HealthTarget t) {
    Integer port = t.ports().get(c.portName());
    if (port == null) {
      throw new IllegalArgumentException("the task has no port named " + c.portName());
    }
    return port;
  }

  private ProbeResult http(CheckSpec c, HealthTarget t) throws IOException, InterruptedException {
    URI uri = URI.create("http://" + t.host() + ":" + port(c, t) + (c.path() == null ? "/" : c.path()));
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(c.timeout()).GET().build();
    int code = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    boolean ok = c.kind() == CheckSpec.Kind.READINESS ? c.readyCodes().contains(code) : code >= 200 && code < 400;
    return new ProbeResult(ok, "GET " + uri + ": " + code);
  }

  private ProbeResult tcp(CheckSpec c, HealthTarget t) throws IOException {
    int port = port(c, t);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(t.host(), port), (int) c.timeout().toMillis());
      return ProbeResult.ok("connected to " + t.host() + ":" + port);
    } catch (IOException e) {
      return ProbeResult.failed("connect to " + t.host() + ":" + port + ": " + e.getMessage());
    }
  }

  private ProbeResult command(CheckSpec c, HealthTarget t) throws IOException, InterruptedException {
    if (c.command() == null || c.command().isEmpty()) {
      return ProbeResult.failed("COMMAND check without a command");
    }
    ExecResult r = t.exec().run(c.command(), c.timeout());
    if (r.timedOut()) {
      return ProbeResult.failed(String.join(" ", c.command()) + ": no answer in " + c.timeout().toSeconds() + "s");
    }
    return new ProbeResult(r.succeeded(), String.join(" ", c.command()) + ": exit " + r.exitCode());
  }
}
