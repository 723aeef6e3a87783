package io.disponent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisponentDriverTest {
  private final DisponentDriver driver = new DisponentDriver(new MapStore());
  private final byte[] value = {1, 2, 3};

  @Test
  void casWithTheTrackedRevisionSucceedsAndAStaleOneReportsTheCurrent() {
    long created = driver.put("k", value).join();

    CasOutcome first = driver.cas("k", created, value).join();
    assertThat(first.succeeded()).isTrue();
    assertThat(first.modRevision()).isGreaterThan(created);

    CasOutcome stale = driver.cas("k", created, value).join();
    assertThat(stale).isEqualTo(new CasOutcome(false, first.modRevision()));
  }

  @Test
  void getReturnsTheValueOrNull() {
    driver.put("k", value).join();
    assertThat(driver.get("k").join()).isEqualTo(value);
    assertThat(driver.get("absent").join()).isNull();
  }
}
