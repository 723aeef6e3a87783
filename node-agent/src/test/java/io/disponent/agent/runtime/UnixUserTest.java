package io.disponent.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnixUserTest {

  static Stream<Arguments> entries() {
    return Stream.of(
        Arguments.of("nobody", "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n", "65534\n",
            new UnixUser("nobody", 65534, 65534, List.of(65534L))),
        Arguments.of("supplementary groups", "app:x:1001:1001::/home/app:/bin/sh", "1001 27 100",
            new UnixUser("app", 1001, 1001, List.of(1001L, 27L, 100L))),
        Arguments.of("no groups known", "app:x:1001:1001::/home/app:/bin/sh", "",
            new UnixUser("app", 1001, 1001, List.of())),
        Arguments.of("a uid past 2^31", "big:x:4294967294:4294967294:::", null,
            new UnixUser("big", 4294967294L, 4294967294L, List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void parsesPasswdEntries(String name, String passwd, String groups, UnixUser expected) {
    assertThat(UnixUser.parse(passwd, groups)).isEqualTo(expected);
  }

  static Stream<Arguments> garbage() {
    return Stream.of(Arguments.of(""), Arguments.of("nobody"), Arguments.of(":x:1:1:::"), Arguments.of("a:x:one:1:::"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("garbage")
  void refusesWhatIsNoPasswdEntry(String passwd) {
    assertThatThrownBy(() -> UnixUser.parse(passwd, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
