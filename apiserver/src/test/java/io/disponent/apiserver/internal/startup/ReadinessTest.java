package io.disponent.apiserver.internal.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadinessTest {

  @ParameterizedTest(name = "{0}, leader {1}, last failure \"{2}\", {3} s waited -> {4} (retry after {5})")
  @CsvSource(nullValues = "-", value = {
      "SERVING,        true,  -,           0,   ok,                                         0",
      "SERVING,        false, -,           0,   store has no leader,                        1",
      "STOPPING,       true,  -,           0,   server is shutting down,                    1",
      "STOPPING,       false, -,           500, server is shutting down,                    1",
      "LOADING_CACHES, false, -,           0,   store has no leader yet,                    1",
      "BOOTSTRAPPING,  false, -,           0,   store has no leader yet,                    1",
      "LOADING_CACHES, true,  -,           0,   watch caches loading,                       1",
      "BOOTSTRAPPING,  true,  -,           0,   creating the default namespaces and CRDs,   1",
      "LOADING_CACHES, true,  timed out,   0,   watch caches loading; last attempt: timed out, 1",
      "LOADING_CACHES, false, no leader,   25,  store has no leader yet; last attempt: no leader, 3",
      "LOADING_CACHES, false, -,           600, store has no leader yet,                    10",
  })
  void answersTheFirstRowOfTheTableThatMatches(StartPhase phase, boolean leader, String lastFailure, long waited,
      String reason, int retryAfter) {
    Readiness r = Readiness.plan(phase, leader, lastFailure, Duration.ofSeconds(waited));
    if (reason.equals("ok")) {
      assertThat(r).isInstanceOf(Readiness.Ready.class);
    } else {
      assertThat(r).isEqualTo(new Readiness.NotReady(reason, retryAfter));
    }
  }
}
