package io.disponent.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetriesTest {

  static Stream<Arguments> classification() {
    return Stream.of(
        Arguments.of(new UnavailableException("Unavailable", "connect refused", null), true, true),
        Arguments.of(new UnavailableException("CircuitOpen", "open", null), false, true),
        Arguments.of(new UnavailableException("Interrupted", "interrupted", null), false, false),
        Arguments.of(status(429), true, false),
        Arguments.of(status(500), true, true),
        Arguments.of(status(503), true, true),
        Arguments.of(status(504), true, true),
        Arguments.of(status(501), false, false),
        Arguments.of(status(400), false, false),
        Arguments.of(status(422), false, false),
        Arguments.of(ApiException.of("x", new Status(404, "NotFound", ""), null), false, false),
        Arguments.of(ApiException.of("x", new Status(409, "Conflict", ""), null), false, false),
        Arguments.of(ApiException.of("x", new Status(410, "Expired", ""), null), false, false),
        Arguments.of(new IllegalStateException("bug"), false, false));
  }

  @ParameterizedTest(name = "{0}: retriable={1} serverFault={2}")
  @MethodSource("classification")
  void classify(Throwable t, boolean retriable, boolean serverFault) {
    assertThat(Retries.retriable(t)).isEqualTo(retriable);
    assertThat(Retries.serverFault(t)).isEqualTo(serverFault);
  }

  @Test
  void statusCodesMapToTheirExceptions() {
    assertThat(ApiException.of("x", new Status(404, "NotFound", ""), null)).isInstanceOf(NotFoundException.class);
    assertThat(ApiException.of("x", new Status(409, "Conflict", ""), null)).isInstanceOf(ConflictException.class);
    assertThat(ApiException.of("x", new Status(410, "Expired", ""), null)).isInstanceOf(ExpiredException.class);
    assertThat(ApiException.of("x", new Status(422, "Invalid", "bad"), null))
        .isInstanceOf(StatusException.class).hasMessageContaining("422 Invalid: bad");
  }

  static Stream<Arguments> backoffs() {
    Duration i = Duration.ofMillis(100);
    Duration m = Duration.ofSeconds(10);
    return Stream.of(
        Arguments.of(1, i, m, Duration.ofMillis(100)),
        Arguments.of(2, i, m, Duration.ofMillis(200)),
        Arguments.of(5, i, m, Duration.ofMillis(1600)),
        Arguments.of(8, i, m, Duration.ofSeconds(10)),
        Arguments.of(100, i, m, Duration.ofSeconds(10)));
  }

  @ParameterizedTest(name = "attempt {0}: {3}")
  @MethodSource("backoffs")
  void backoff(int attempt, Duration initial, Duration max, Duration expected) {
    assertThat(Retries.backoff(attempt, initial, max)).isEqualTo(expected);
  }

  @Test
  void retryAfter() {
    Duration max = Duration.ofSeconds(10);
    assertThat(Retries.retryAfter("3", max)).contains(Duration.ofSeconds(3));
    assertThat(Retries.retryAfter(" 60 ", max)).contains(max);
    assertThat(Retries.retryAfter(null, max)).isEmpty();
    assertThat(Retries.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", max)).isEqualTo(Optional.empty());
    assertThat(Retries.retryAfter("-1", max)).isEmpty();
  }

  @Test
  void gvrPaths() {
    assertThat(Gvr.TASKS.collectionPath(null)).isEqualTo("/apis/disponent.io/v1/tasks");
    assertThat(Gvr.TASKS.objectPath("default", "t-1")).isEqualTo("/apis/disponent.io/v1/namespaces/default/tasks/t-1");
    assertThat(Gvr.NODES.objectPath(null, "n1")).isEqualTo("/apis/disponent.io/v1/nodes/n1");
    assertThat(Gvr.EVENTS.collectionPath("a b")).isEqualTo("/api/v1/namespaces/a%20b/events");
    assertThat(Gvr.LEASES.apiVersion()).isEqualTo("coordination.k8s.io/v1");
  }

  private static StatusException status(int code) {
    return (StatusException) ApiException.of("x", new Status(code, "", ""), null);
  }
}
