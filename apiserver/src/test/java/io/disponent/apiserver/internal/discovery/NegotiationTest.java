package io.disponent.apiserver.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegotiationTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      // kubectl 1.30+
      "application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json | AGGREGATED_V2",
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json | AGGREGATED_V2BETA1",
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;q=0.5,application/json;q=0.9 | LEGACY",
      "application/json; g=apidiscovery.k8s.io; v=\"v2\"; as=APIGroupDiscoveryList | AGGREGATED_V2",
      "application/json | LEGACY",
      "*/* | LEGACY",
      "NULL | LEGACY",
      "'' | LEGACY",
      "application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json;q=0.1 | LEGACY",
      "application/vnd.kubernetes.protobuf | NONE",
      "application/json;as=Table;v=v1;g=meta.k8s.io | NONE",
      "application/json;q=0 | NONE",
  })
  void negotiates(String accept, String expected) {
    Optional<DiscoveryFormat> format = Discovery.contentTypeFor(accept);
    assertThat(format.map(Enum::name).orElse("NONE")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "LEGACY | application/json",
      "AGGREGATED_V2 | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
      "AGGREGATED_V2BETA1 | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList",
  })
  void answersWithTheExactContentType(DiscoveryFormat format, String contentType) {
    assertThat(format.contentType()).isEqualTo(contentType);
  }

  @ParameterizedTest
  @CsvSource({"v1,v1beta1,-1", "v2,v1,-1", "v1beta2,v1beta1,-1", "v1beta1,v1alpha9,-1", "v1alpha1,v2alpha1,1",
      "v10,v9,-1", "v1,foo,-1", "bar,foo,-1", "v1,v1,0"})
  void ordersVersionsByKubernetesPriority(String a, String b, int sign) {
    assertThat(Integer.signum(VersionPriority.INSTANCE.compare(a, b))).isEqualTo(sign);
  }
}
