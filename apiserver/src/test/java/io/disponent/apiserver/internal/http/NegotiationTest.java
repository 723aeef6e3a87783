package io.disponent.apiserver.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegotiationTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json | true",
      "application/json | false",
      "application/json, application/json;as=Table;v=v1;g=meta.k8s.io | false",
      "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json | false",
      "'' | false"})
  void tableOnlyWhenPreferred(String accept, boolean table) {
    assertThat(Negotiation.wantsTable(accept)).isEqualTo(table);
  }
}
