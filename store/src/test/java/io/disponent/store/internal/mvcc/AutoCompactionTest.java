package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.internal.mvcc.AutoCompaction.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AutoCompactionTest {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** Revision 100 at minute 0, 200 at 10, 300 at 20; now is minute 25 at revision 350. */
  static final List<Sample> SAMPLES = List.of(new Sample(at(10), 200), new Sample(at(0), 100), new Sample(at(20), 300));

  static Stream<Arguments> cases() {
    Duration off = Duration.ZERO;
    return Stream.of(
        // retainRevisions, retainAge, compactRevision, expected
        Arguments.of(0, off, 0, OptionalLong.empty()),
        Arguments.of(0, null, 0, OptionalLong.empty()),
        Arguments.of(50, off, 0, OptionalLong.of(300)),
        Arguments.of(50, off, 299, OptionalLong.of(300)),
        Arguments.of(50, off, 300, OptionalLong.empty()),
        Arguments.of(350, off, 0, OptionalLong.empty()), // would be 0
        Arguments.of(1000, off, 0, OptionalLong.empty()),
        Arguments.of(0, Duration.ofMinutes(10), 0, OptionalLong.of(200)), // cutoff 15: sample at 10
        Arguments.of(0, Duration.ofMinutes(15), 0, OptionalLong.of(200)), // cutoff 10: exactly a sample
        Arguments.of(0, Duration.ofMinutes(5), 0, OptionalLong.of(300)),
        Arguments.of(0, Duration.ofMinutes(30), 0, OptionalLong.empty()), // no sample that old
        Arguments.of(0, Duration.ofMinutes(10), 200, OptionalLong.empty()),
        Arguments.of(100, Duration.ofMinutes(5), 0, OptionalLong.of(250)), // both: keep the more
        Arguments.of(10, Duration.ofMinutes(10), 0, OptionalLong.of(200)),
        Arguments.of(10, Duration.ofMinutes(30), 0, OptionalLong.empty()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void target(long retainRevisions, Duration retainAge, long compactRevision, OptionalLong expected) {
    AutoCompaction policy = new AutoCompaction(retainRevisions, retainAge);
    assertThat(policy.target(SAMPLES, 350, compactRevision, at(25))).isEqualTo(expected);
  }

  @Test
  void pruneKeepsWhatTargetNeeds() {
    AutoCompaction policy = new AutoCompaction(0, Duration.ofMinutes(10));
    List<Sample> kept = policy.prune(SAMPLES, at(25));
    assertThat(kept).containsExactlyInAnyOrder(new Sample(at(10), 200), new Sample(at(20), 300));
    assertThat(policy.target(kept, 350, 0, at(25))).isEqualTo(policy.target(SAMPLES, 350, 0, at(25)));
    assertThat(new AutoCompaction(5, null).prune(SAMPLES, at(25))).isEmpty();
  }

  @Test
  void negativeRetentionIsRefused() {
    assertThatThrownBy(() -> new AutoCompaction(-1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AutoCompaction(0, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
