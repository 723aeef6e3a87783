package io.disponent.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.agent.runtime.UnixUser;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunAsTest {
  static final UnixUser NOBODY = new UnixUser("nobody", 65534, 65534, List.of(65534L));
  static final UnixUser ROOT = new UnixUser("root", 0, 0, List.of(0L));
  static final UnixUser APP = new UnixUser("app", 1000, 1000, List.of(1000L));

  /** requested user, agent uid, the account found, expected user (null: as the agent) or failure reason. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no user: as the agent", null, 0L, Optional.empty(), null, null),
        Arguments.of("empty user: as the agent", "", 1000L, Optional.empty(), null, null),
        Arguments.of("root agent switches to another user", "nobody", 0L, Optional.of(NOBODY), NOBODY, null),
        Arguments.of("a numeric uid works like a name", "65534", 0L, Optional.of(NOBODY), NOBODY, null),
        Arguments.of("root agent, user root: no switch", "root", 0L, Optional.of(ROOT), null, null),
        Arguments.of("unknown user", "ghost", 0L, Optional.empty(), null, RunAs.NOT_FOUND),
        Arguments.of("unknown user, non-root agent", "ghost", 1000L, Optional.empty(), null, RunAs.NOT_FOUND),
        Arguments.of("non-root agent, its own user", "app", 1000L, Optional.of(APP), null, null),
        Arguments.of("non-root agent, another user", "nobody", 1000L, Optional.of(NOBODY), null, RunAs.NOT_PERMITTED),
        Arguments.of("non-root agent, root", "root", 1000L, Optional.of(ROOT), null, RunAs.NOT_PERMITTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, String requested, long agentUid, Optional<UnixUser> found, UnixUser expected,
      String failure) throws Exception {
    if (failure == null) {
      assertThat(RunAs.decide(requested, agentUid, found)).isEqualTo(Optional.ofNullable(expected));
    } else {
      TaskLaunchException e = catchThrowableOfType(() -> RunAs.decide(requested, agentUid, found),
          TaskLaunchException.class);
      assertThat(e.reason()).isEqualTo(failure);
      assertThat(e.getMessage()).contains(requested);
    }
  }

  @Test
  void theCommandDropsPrivilegesThenRunsTheArgv() {
    List<String> cmd = RunAs.command(new UnixUser("app", 1001, 1002, List.of(1002L, 27L)), List.of("sleep", "1"));
    assertThat(cmd.subList(0, 2)).containsExactly("perl", "-e");
    assertThat(cmd.subList(3, cmd.size())).containsExactly("1001", "1002", "1002,27", "--", "sleep", "1");
  }
}
