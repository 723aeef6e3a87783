package io.disponent.apiserver.it;

import static io.disponent.apiserver.it.ItSupport.create;
import static io.disponent.apiserver.it.ItSupport.namespace;
import static io.disponent.apiserver.it.ItSupport.serviceBody;
import static io.disponent.apiserver.it.ItSupport.services;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches over WebSocket (fabric8's first choice): one event per message, errors as ERROR events. */
class WatchSocketIT {

  @TempDir
  static Path dir;
  static ServerFixture fixture;

  @BeforeAll
  static void start() {
    fixture = ServerFixture.start(dir);
    namespace(fixture.http(), "ws");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private WebSocket open(String path, BlockingQueue<JsonNode> messages) throws Exception {
    return HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(fixture.api().url().replace("http://", "ws://") + path), new WebSocket.Listener() {
          final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              try {
                messages.add(Http.JSON.readTree(text.toString()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
  }

  @Test
  void streamsEventsAsMessages() throws Exception {
    create(fixture.http(), "ws", serviceBody("before", Map.of("app", "ws"), 1));
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    WebSocket ws = open(services("ws") + "?watch=true", messages);
    try {
      JsonNode first = messages.poll(10, TimeUnit.SECONDS);
      assertThat(first.path("type").asText()).isEqualTo("ADDED");
      assertThat(first.at("/object/metadata/name").asText()).isEqualTo("before");
      create(fixture.http(), "ws", serviceBody("after", Map.of("app", "ws"), 1));
      JsonNode second = messages.poll(10, TimeUnit.SECONDS);
      assertThat(second.path("type").asText()).isEqualTo("ADDED");
      assertThat(second.at("/object/metadata/name").asText()).isEqualTo("after");
    } finally {
      ws.abort();
    }
  }

  @Test
  void anUnknownResourceIsAnErrorEvent() throws Exception {
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    WebSocket ws = open("/apis/disponent.io/v1/namespaces/ws/nothings?watch=true", messages);
    try {
      JsonNode error = messages.poll(10, TimeUnit.SECONDS);
      assertThat(error.path("type").asText()).isEqualTo("ERROR");
      assertThat(error.at("/object/code").asInt()).isEqualTo(404);
    } finally {
      ws.abort();
    }
  }
}
