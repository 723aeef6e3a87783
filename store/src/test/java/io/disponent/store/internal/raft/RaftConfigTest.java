package io.disponent.store.internal.raft;

import static org.assertj.core.api.Assertions.assertThat;

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
}
