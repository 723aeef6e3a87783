package io.disponent.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WriteBarrierTest {

  private static final Key KEY = new Key("default", "web");

  @ParameterizedTest(name = "wrote {0}, cache at {1}, {2} s later: caught up {3}")
  @CsvSource({
      "'',  5,   0, true",   // nothing written
      "10,  9,   0, false",
      "10,  10,  0, true",
      "10,  11,  0, true",
      "10,  '',  0, false",  // a cache that has no resourceVersion yet
      "10,  9,  31, true",   // patience over: not wedged by a lost event
      "x,   1,   0, true",   // not a revision: no barrier
  })
  void waitsForTheCacheToReachTheWrite(String wrote, String cache, int secondsLater, boolean caughtUp) {
    FakeClock clock = new FakeClock();
    WriteBarrier barrier = new WriteBarrier(clock, Duration.ofSeconds(30));
    barrier.wrote(KEY, wrote);
    clock.advance(Duration.ofSeconds(secondsLater));
    assertThat(barrier.caughtUp(KEY, cache)).isEqualTo(caughtUp);
  }

  @ParameterizedTest(name = "writes {0} then {1}: the barrier is the higher one")
  @CsvSource({"10, 20", "20, 10"})
  void keepsTheHighestWrite(String first, String second) {
    FakeClock clock = new FakeClock();
    WriteBarrier barrier = new WriteBarrier(clock, Duration.ofSeconds(30));
    barrier.wrote(KEY, first);
    barrier.wrote(KEY, second);
    assertThat(barrier.caughtUp(KEY, "19")).isFalse();
    assertThat(barrier.caughtUp(KEY, "20")).isTrue();
    assertThat(barrier.caughtUp(KEY, "1")).as("cleared once reached").isTrue();
    assertThat(barrier.caughtUp(new Key("default", "other"), "1")).isTrue();
  }
}
