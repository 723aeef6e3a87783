package io.disponent.store.internal.raft;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.NoLeaderException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.ratis.protocol.exceptions.RaftRetryFailureException;
import org.apache.ratis.protocol.exceptions.ReconfigurationInProgressException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RatisErrorsTest {

  static Stream<Arguments> cases() {
    ReconfigurationInProgressException busy = new ReconfigurationInProgressException("conf in progress");
    return Stream.of(
        Arguments.of("the refusal itself", busy, true),
        Arguments.of("as the cause of the client's give-up", new RaftRetryFailureException(null, 200, null, busy), true),
        Arguments.of("the client's give-up, which keeps no cause", new RaftRetryFailureException(null, 200, null, null), true),
        Arguments.of("mapped and wrapped", new CompletionException(RatisErrors.map(busy)), true),
        Arguments.of("another refusal", new IOException("connection refused"), false),
        Arguments.of("no leader", new NoLeaderException("no leader", null), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aMembershipChangeInProgressIsRecognisedThroughWrappers(String name, Throwable t, boolean reconfiguring) {
    assertThat(RatisErrors.reconfiguring(t)).isEqualTo(reconfiguring);
  }
}
