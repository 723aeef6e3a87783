package io.disponent.store.internal.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RaftConfigTest {

  @ParameterizedTest(name = "clusters \"{0}\" and \"{1}\": same group {2}")
  @CsvSource({
      "'',     '',     true",
      "prod,   prod,   true",
      "prod,   staging, false",
      "'',     prod,   false",
      "a,      A,      false",
  })
  void eachClusterNameIsItsOwnRaftGroup(String a, String b, boolean same) {
    assertThat(RaftConfig.groupId(a).equals(RaftConfig.groupId(b))).isEqualTo(same);
  }

  @ParameterizedTest(name = "no name is the group stores had before names")
  @CsvSource({"''"})
  void anUnnamedClusterKeepsTheGroupOfEarlierStores(String none) {
    assertThat(RaftConfig.groupId(none)).isEqualTo(RaftConfig.GROUP_ID);
    assertThat(RaftConfig.GROUP_ID.getUuid().toString()).isEqualTo(
        java.util.UUID.nameUUIDFromBytes("disponent-store".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString());
  }

  @ParameterizedTest(name = "{0}: binds {1} port {2}")
  @CsvSource({
      "127.0.0.1:2380,  127.0.0.1, 2380",
      "10.0.0.7:7001,   10.0.0.7,  7001",
      "localhost:9,     localhost, 9",
      "'[::1]:2380',    ::1,       2380",
      "0.0.0.0:2380,    0.0.0.0,   2380",
  })
  void theRaftListenerBindsTheHostOfTheMembersAddress(String address, String host, int port) {
    assertThat(RaftConfig.host(address)).isEqualTo(host);
    assertThat(RaftConfig.port(address)).isEqualTo(port);
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @CsvSource({"2380", "':2380'"})
  void anAddressWithoutHostIsRefused(String address) {
    assertThatThrownBy(() -> RaftConfig.host(address))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
  }
}
