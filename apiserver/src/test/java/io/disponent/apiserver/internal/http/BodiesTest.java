package io.disponent.apiserver.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.apiserver.internal.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BodiesTest {

  private static final String BOMB = """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      """;

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("{\"a\":", "application/json", 400, "line 1"),
        Arguments.of("{\"a\": tru}", "application/json", 400, "column"),
        Arguments.of("a: [b\n", "application/yaml", 400, "yaml"),
        Arguments.of(BOMB, "application/yaml", 400, "yaml"),
        Arguments.of("[".repeat(1000) + "]".repeat(1000), "application/json", 400, "nesting"),
        Arguments.of("a:\n" + "  b:\n".repeat(1).repeat(1) + "[".repeat(500) + "]".repeat(500), "application/yaml", 400, "yaml"),
        Arguments.of("", "application/json", 400, "empty"),
        Arguments.of("{}", "application/vnd.kubernetes.protobuf", 415, "unknown format"),
        Arguments.of("{}", "text/plain", 415, "unknown format"),
        Arguments.of("a: 1\na: 2\n", "application/yaml", 400, "Duplicate"),
        Arguments.of("{\"a\":1}}}garbage", "application/json", 400, "column 8"),
        Arguments.of("{\"a\":1} {\"b\":2}", "application/json", 400, "trailing"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void refuses(String body, String contentType, int code, String message) {
    assertThatThrownBy(() -> Bodies.parse(body.getBytes(StandardCharsets.UTF_8), contentType))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).containsIgnoringCase(message);
        });
  }

  @Test
  void parsesJsonAndYamlAlike() {
    assertThat(Bodies.parse("{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8"))
        .isEqualTo(Bodies.parse("a: [1, 2]\n".getBytes(StandardCharsets.UTF_8), "application/yaml"));
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        Arguments.of("a broken chunk", new IOException("bad chunk size"), 400),
        Arguments.of("an early end", new EOFException("early EOF"), 400),
        Arguments.of("Jetty's verdict on a bad chunk", new BadMessageException(400, "Bad chunk size"), 400),
        Arguments.of("a stalled client", new IOException(new TimeoutException("Idle timeout expired")), 408));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("unreadable")
  void aBodyThatCannotBeReadIsTheClientsFault(String name, Exception failure, int code) {
    InputStream failing = new InputStream() {
      private int sent;

      @Override
      public int read() throws IOException {
        if (sent++ < 5) {
          return 'x';
        }
        if (failure instanceof IOException io) {
          throw io;
        }
        throw (RuntimeException) failure;
      }
    };
    assertThatThrownBy(() -> Bodies.readBytes(failing, 100))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no duplicate | {\"a\":1,\"b\":{\"a\":2}} | application/json | '' | 1",
      "one, the last wins | {\"a\":1,\"a\":3} | application/json | a | 3",
      "nested, in a list | {\"a\":3,\"l\":[{\"x\":1,\"x\":2}]} | application/merge-patch+json | l[0].x | 3",
      "no content type is JSON | {\"a\":1,\"a\":3} | | a | 3"})
  void parseCheckedFindsDuplicatedFieldsAndKeepsTheLast(String name, String body, String type, String dups, int a) {
    Bodies.Parsed p = Bodies.parseChecked(body.getBytes(StandardCharsets.UTF_8), type);
    assertThat(String.join(",", p.duplicateFields())).isEqualTo(dups);
    assertThat(p.node().path("a").asInt()).isEqualTo(a);
  }

  @Test
  void aServerFaultWhileReadingIsNotBlamedOnTheClient() {
    InputStream broken = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("a bug of ours");
      }
    };
    assertThatThrownBy(() -> Bodies.readBytes(broken, 100)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesMoreThanTheLimitEvenWithoutContentLength() {
    byte[] big = new byte[Bodies.MAX_BYTES + 1];
    assertThatThrownBy(() -> Bodies.readBytes(new ByteArrayInputStream(big), -1))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(413));
    assertThatThrownBy(() -> Bodies.readBytes(new ByteArrayInputStream(new byte[0]), Bodies.MAX_BYTES + 1L))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(413));
  }
}
