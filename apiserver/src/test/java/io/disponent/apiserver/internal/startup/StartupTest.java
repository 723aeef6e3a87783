package io.disponent.apiserver.internal.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.apiserver.internal.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StartupTest {

  private final AtomicBoolean leader = new AtomicBoolean();
  private final Startup startup = new Startup(leader::get, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  @Test
  void refusesRequestsWithA503AndRetryAfterUntilItServes() {
    ApiException refusal = startup.refusal();
    assertThat(refusal.code()).isEqualTo(503);
    assertThat(refusal.reason()).isEqualTo("ServiceUnavailable");
    assertThat(refusal.getMessage()).isEqualTo("the server is not ready: store has no leader yet");
    assertThat(refusal.details().retryAfterSeconds()).isEqualTo(1);

    leader.set(true);
    startup.failed(new IllegalStateException("storage: timed out"));
    assertThat(startup.refusal().getMessage())
        .isEqualTo("the server is not ready: watch caches loading; last attempt: storage: timed out");

    startup.enter(StartPhase.BOOTSTRAPPING);
    assertThat(startup.refusal().getMessage()).as("a new phase forgets the last failure")
        .isEqualTo("the server is not ready: creating the default namespaces and CRDs");
    assertThat(startup.serving()).isNotDone();

    startup.enter(StartPhase.SERVING);
    assertThat(startup.refusal()).isNull();
    assertThat(startup.readiness()).isEqualTo(Readiness.READY);
    assertThat(startup.serving()).isCompleted();
  }

  @Test
  void neverGoesBackAPhaseAndAStopBeforeServingCancelsTheWait() {
    leader.set(true);
    startup.enter(StartPhase.BOOTSTRAPPING);
    startup.enter(StartPhase.LOADING_CACHES);
    assertThat(startup.phase()).isEqualTo(StartPhase.BOOTSTRAPPING);

    startup.enter(StartPhase.STOPPING);
    startup.enter(StartPhase.SERVING);
    assertThat(startup.phase()).isEqualTo(StartPhase.STOPPING);
    assertThat(startup.serving()).isCancelled();
    assertThat(startup.refusal().getMessage()).isEqualTo("the server is not ready: server is shutting down");
  }

  @Test
  void aServingServerWhoseStoreLostItsLeaderIsNotReadyButStillServes() {
    leader.set(true);
    startup.enter(StartPhase.SERVING);
    leader.set(false);
    assertThat(startup.readiness()).isEqualTo(new Readiness.NotReady("store has no leader", 1));
    assertThat(startup.refusal()).as("reads from the watch caches still work; the store answers writes").isNull();
  }
}
