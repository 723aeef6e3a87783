package io.disponent.store.internal.raft;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.LeaseNotFoundException;
import io.disponent.store.internal.QueryResult;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LessorTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(1000 * SECOND);
  private final Lessor lessor = new Lessor(now::get);

  @Test
  void aFollowerHoldsNoDeadlinesAndRefersKeepAlivesToTheLeader() {
    lessor.granted(1, 5);
    now.addAndGet(60 * SECOND);
    assertThat(lessor.expired()).isEmpty();
    assertThat(lessor.keepAlive(1, "n2")).isEqualTo(new QueryResult.NotLeader("n2"));
  }

  @Test
  void aNewLeaderGivesEveryLeaseItsFullTtl() {
    lessor.becomeLeader(Map.of(1L, 5L, 2L, 10L));
    now.addAndGet(5 * SECOND - 1);
    assertThat(lessor.expired()).isEmpty();
    now.addAndGet(1);
    assertThat(lessor.expired()).containsExactly(1L);
    lessor.revoked(1);
    now.addAndGet(5 * SECOND);
    assertThat(lessor.expired()).containsExactly(2L);
  }

  @Test
  void keepAliveRenewsToTheFullTtl() {
    lessor.becomeLeader(Map.of(1L, 5L));
    now.addAndGet(4 * SECOND);
    assertThat(lessor.keepAlive(1, "n1")).isEqualTo(new QueryResult.KeptAlive(5));
    now.addAndGet(4 * SECOND);
    assertThat(lessor.expired()).isEmpty();
    now.addAndGet(SECOND);
    assertThat(lessor.expired()).containsExactly(1L);
  }

  @Test
  void anExpiredLeaseIsProposedOncePerRetryInterval() {
    lessor.becomeLeader(Map.of(1L, 1L));
    now.addAndGet(2 * SECOND);
    assertThat(lessor.expired()).containsExactly(1L);
    assertThat(lessor.expired()).isEmpty();
    now.addAndGet(SECOND);
    assertThat(lessor.expired()).containsExactly(1L);
    lessor.revoked(1);
    now.addAndGet(SECOND);
    assertThat(lessor.expired()).isEmpty();
  }

  @Test
  void unknownLeasesAndSteppingDown() {
    lessor.becomeLeader(Map.of());
    QueryResult r = lessor.keepAlive(9, "n1");
    assertThat(r).isInstanceOf(QueryResult.Failed.class);
    assertThat(((QueryResult.Failed) r).error()).isInstanceOf(LeaseNotFoundException.class);
    lessor.granted(3, 1);
    lessor.stepDown();
    now.addAndGet(10 * SECOND);
    assertThat(lessor.expired()).isEmpty();
  }
}
