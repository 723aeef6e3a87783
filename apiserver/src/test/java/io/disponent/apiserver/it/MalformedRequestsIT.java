package io.disponent.apiserver.it;

import static io.disponent.apiserver.it.ItSupport.namespace;
import static io.disponent.apiserver.it.ItSupport.serviceBody;
import static io.disponent.apiserver.it.ItSupport.services;
import static io.disponent.apiserver.it.ItSupport.storeRevision;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests no well-behaved HTTP client would send, written on a raw socket: each gets a 400 Status (never a 500),
 * stores nothing and leaves the server serving.
 */
class MalformedRequestsIT {
  static final String NS = "malformed";

  @TempDir static Path dir;
  static ServerFixture fixture;

  @BeforeAll
  static void start() {
    fixture = ServerFixture.start(dir);
    namespace(fixture.http(), NS);
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aBrokenEscapeInTheQueryIsRefused() throws IOException {
    assertBadRequest(exchange("GET " + services(NS) + "?limit=1&continue=%%%garbage HTTP/1.1\r\n" + host()
        + "Connection: close\r\n\r\n", new byte[0], false), "invalid URL escape \"%%%\"");
  }

  @Test
  void aChunkWithABadSizeIsRefused() throws IOException {
    byte[] body = ("zz\r\n" + serviceBody("chunky", null, 1) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    assertBadRequest(exchange("POST " + services(NS) + " HTTP/1.1\r\n" + host()
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", body, false),
        "could not be read");
  }

  @Test
  void aBodyShorterThanItsContentLengthIsRefused() throws IOException {
    byte[] body = serviceBody("short", null, 1).toString().getBytes(StandardCharsets.UTF_8);
    assertBadRequest(exchange("POST " + services(NS) + " HTTP/1.1\r\n" + host() + "Content-Type: application/json\r\n"
        + "Content-Length: " + (body.length + 100) + "\r\nConnection: close\r\n\r\n", body, true), "could not be read");
  }

  private static String host() {
    return "Host: 127.0.0.1\r\n";
  }

  private static void assertBadRequest(Response r, String messagePart) {
    assertThat(r.code()).as(r.text()).isEqualTo(400);
    JsonNode status = r.json();
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
    assertThat(status.path("message").asText()).contains(messagePart);
    assertThat(fixture.http().get("/readyz").code()).isEqualTo(200);
    assertThat(fixture.http().get(services(NS)).json().path("items").size()).as("nothing stored").isZero();
  }

  /** Sends {@code head} and {@code body}, half-closing the connection after them when asked, and reads the answer. */
  private static Response exchange(String head, byte[] body, boolean halfClose) throws IOException {
    URI base = URI.create(fixture.api().url());
    long before = storeRevision(fixture.api().store());
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(body);
      s.getOutputStream().flush();
      if (halfClose) {
        s.shutdownOutput();
      }
      Response r = Response.read(s.getInputStream());
      assertThat(storeRevision(fixture.api().store())).isEqualTo(before);
      return r;
    }
  }

  record Response(int code, String text) {
    static Response read(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String raw = all.toString(StandardCharsets.UTF_8);
      int code = Integer.parseInt(raw.substring(9, 12));
      int bodyStart = raw.indexOf("\r\n\r\n");
      return new Response(code, bodyStart < 0 ? "" : raw.substring(bodyStart + 4));
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }
  }
}
