package io.disponent.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamespaceNamesTest {
  @Test
  void aTestNameBecomesADnsLabel() {
    assertThat(ControlPlaneExtension.namespaceFor("serviceOfThree_RunsOn3Nodes"))
        .matches("service-of-three-runs-on3-nodes-[0-9]+");
  }

  @Test
  void aLongNameIsCutToFitALabel() {
    String name = ControlPlaneExtension.namespaceFor("x".repeat(80));
    assertThat(name.length()).isLessThanOrEqualTo(63);
    assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }
}
