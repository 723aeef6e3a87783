package io.disponent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {
  private static final Duration WARMUP = Duration.ofMillis(100);
  private static final Duration MEASURE = Duration.ofMillis(400);

  private final KvDriver driver = new DisponentDriver(new MapStore());
  private final byte[] value = new byte[StoreBench.VALUE_BYTES];

  @Test
  void ownedKeysMakeEveryCasSucceedAcrossRuns() {
    KeySet keys = KeySet.create(driver, "t/", 64, value);
    for (int inflight : new int[] {1, 16, 64}) {
      ClosedLoop.Outcome o = run(new Workload(driver, Mode.CAS, "t/", value, keys), inflight);
      assertThat(o.failures()).as("cas failures at %d in flight", inflight).isZero();
      assertThat(o.latencies().getTotalCount()).isPositive();
    }
  }

  @Test
  void putsAndGetsCountOnlyTheMeasuredWindow() {
    KeySet keys = KeySet.create(driver, "t/", 16, value);
    ClosedLoop.Outcome puts = run(new Workload(driver, Mode.PUT, "t/", value, null), 16);
    ClosedLoop.Outcome gets = run(new Workload(driver, Mode.GET, "t/", value, keys), 16);
    assertThat(puts.failures()).isZero();
    assertThat(gets.failures()).isZero();
    assertThat(puts.seconds()).isEqualTo(0.4);
    assertThat(gets.latencies().getTotalCount()).isPositive();
  }

  @Test
  void failedRequestsAreCountedNotTimed() {
    KvDriver broken = new DisponentDriver(new MapStore(true));
    ClosedLoop.Outcome o = run(new Workload(broken, Mode.PUT, "t/", value, null), 4);
    assertThat(o.latencies().getTotalCount()).isZero();
    assertThat(o.failures()).isPositive();
    assertThat(o.firstError()).hasMessageContaining("down");
  }

  private static ClosedLoop.Outcome run(Workload workload, int inflight) {
    return new ClosedLoop().run(workload, inflight, WARMUP, MEASURE);
  }
}
