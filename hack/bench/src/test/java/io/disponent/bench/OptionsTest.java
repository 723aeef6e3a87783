package io.disponent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void parsesListsAndFractionalSeconds() {
    Options o = Options.parse(new String[] {
        "--etcd-endpoints", "127.0.0.1:1,127.0.0.1:2", "--modes", "cas,get", "--inflight", "1,512",
        "--seconds", "1.5", "--keys", "100"});
    assertThat(o.etcdEndpoints()).hasSize(2);
    assertThat(o.modes()).containsExactly(Mode.CAS, Mode.GET);
    assertThat(o.inflight()).containsExactly(1, 512);
    assertThat(o.measure()).isEqualTo(Duration.ofMillis(1500));
    assertThat(o.keys()).as("at least one key per cas worker").isEqualTo(512);
  }

  @Test
  void needsASystemAndParsesMembers() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--seconds", "1"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DisponentConnector.parseMembers("n1=127.0.0.1:1, n2=127.0.0.1:2"))
        .extracting(m -> m.id() + "@" + m.address())
        .isEqualTo(List.of("n1@127.0.0.1:1", "n2@127.0.0.1:2"));
  }
}
