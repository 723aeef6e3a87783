package io.disponent.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailoverTest {

  private static final Duration INITIAL = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofSeconds(2);

  static Stream<Arguments> classification() {
    return Stream.of(
        Arguments.of(unavailable(new ConnectException("Connection refused")), new Failure.NotSent()),
        Arguments.of(unavailable(new IOException("wrapped", new ConnectException("refused"))), new Failure.NotSent()),
        Arguments.of(unavailable(new HttpConnectTimeoutException("connect timed out")), new Failure.NotSent()),
        Arguments.of(unavailable(new HttpTimeoutException("request timed out")), new Failure.NoAnswer()),
        Arguments.of(unavailable(new IOException("Connection reset")), new Failure.NoAnswer()),
        Arguments.of(new UnavailableException(Retries.CIRCUIT_OPEN, "open", null), new Failure.CircuitOpen()),
        Arguments.of(new UnavailableException(Retries.INTERRUPTED, "interrupted", null), new Failure.Interrupted()),
        Arguments.of(ApiException.of("x", new Status(503, "ServiceUnavailable", ""), null), new Failure.Answered(503)),
        Arguments.of(ApiException.of("x", new Status(409, "Conflict", ""), null), new Failure.Answered(409)),
        Arguments.of(new IllegalStateException("bug"), new Failure.NotApi()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("classification")
  void classifies(Throwable thrown, Failure expected) {
    assertThat(Failure.of(thrown)).isEqualTo(expected);
  }

  /** The table of {@link Failover}, with three members and with one. */
  @ParameterizedTest(name = "{0}: movesOn={1} read={2} write={3}; one member: movesOn={4} read={5} write={6}")
  @CsvSource({
      // failure,   3 members: moves, read, write;  1 member: moves, read, write
      "NotSent,     true,  true,  true,   false, true,  true",
      "CircuitOpen, true,  true,  true,   false, false, false",
      "NoAnswer,    true,  true,  false,  false, true,  false",
      "503,         true,  true,  true,   false, true,  true",
      "429,         false, true,  true,   false, true,  true",
      "500,         false, true,  false,  false, true,  false",
      "502,         false, true,  false,  false, true,  false",
      "504,         false, true,  false,  false, true,  false",
      "501,         false, false, false,  false, false, false",
      "400,         false, false, false,  false, false, false",
      "404,         false, false, false,  false, false, false",
      "409,         false, false, false,  false, false, false",
      "410,         false, false, false,  false, false, false",
      "422,         false, false, false,  false, false, false",
      "Interrupted, false, false, false,  false, false, false",
      "NotApi,      false, false, false,  false, false, false"})
  void table(String failure, boolean moves3, boolean read3, boolean write3, boolean moves1, boolean read1,
      boolean write1) {
    Failure f = failure(failure);
    assertThat(Failover.movesOn(f, 3)).as("moves on among 3").isEqualTo(moves3);
    assertThat(Failover.retries(f, true, 3)).as("read retried among 3").isEqualTo(read3);
    assertThat(Failover.retries(f, false, 3)).as("write retried among 3").isEqualTo(write3);
    assertThat(Failover.movesOn(f, 1)).as("moves on alone").isEqualTo(moves1);
    assertThat(Failover.retries(f, true, 1)).as("read retried alone").isEqualTo(read1);
    assertThat(Failover.retries(f, false, 1)).as("write retried alone").isEqualTo(write1);
  }

  @ParameterizedTest(name = "after {0} of {1}")
  @CsvSource({"0, 3, 1", "1, 3, 2", "2, 3, 0", "0, 1, 0", "4, 5, 0"})
  void nextIsRoundRobin(int at, int members, int expected) {
    assertThat(Failover.next(at, members)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}, attempt {1} of {2} members, Retry-After {3} s -> {4} ms")
  @CsvSource({
      // a member not tried yet in this call: at once, whatever the failed one asked
      "NotSent, 1, 3, ,   0",
      "503,     2, 3, 5,  0",
      // every member tried: the Retry-After (capped when parsed), else the backoff
      "503,     3, 3, 1,  1000",
      "NotSent, 3, 3, ,   400",
      // alone: never at once
      "NotSent, 1, 1, ,   100",
      "503,     1, 1, 1,  1000",
      // the same member again (429, 500): Retry-After, else backoff
      "429,     1, 3, 1,  1000",
      "500,     2, 3, ,   200"})
  void delay(String failure, int attempt, int members, Integer retryAfterSeconds, long expectedMillis) {
    Optional<Duration> after = Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds);
    assertThat(Failover.delay(failure(failure), attempt, members, after, INITIAL, MAX).toMillis())
        .isEqualTo(expectedMillis);
  }

  private static Failure failure(String name) {
    return switch (name) {
      case "NotSent" -> new Failure.NotSent();
      case "CircuitOpen" -> new Failure.CircuitOpen();
      case "NoAnswer" -> new Failure.NoAnswer();
      case "Interrupted" -> new Failure.Interrupted();
      case "NotApi" -> new Failure.NotApi();
      default -> new Failure.Answered(Integer.parseInt(name));
    };
  }

  private static UnavailableException unavailable(IOException cause) {
    return new UnavailableException("Unavailable", cause.getMessage(), cause);
  }
}
