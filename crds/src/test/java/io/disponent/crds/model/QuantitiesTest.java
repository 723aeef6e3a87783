package io.disponent.crds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

  @ParameterizedTest
  @CsvSource({"100m,100", "1,1000", "0.5,500", "2.25,2250", "1e3,1000000", "1u,1", ".1,100"})
  void cpus(String q, long millis) {
    assertThat(Quantities.millis(q, -1)).isEqualTo(millis);
  }

  @ParameterizedTest
  @CsvSource({"64Mi,67108864", "1Gi,1073741824", "128974848,128974848", "129M,129000000", "1.5Ki,1536", "0,0"})
  void bytes(String q, long bytes) {
    assertThat(Quantities.bytes(q, -1)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.2.3", "10x", "Mi", "--1"})
  void refusesNonQuantities(String q) {
    assertThatThrownBy(() -> Quantities.parse(q, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"1500,1500m", "2000,2", "100,100m"})
  void formatsMillis(long millis, String text) {
    assertThat(Quantities.formatMillis(millis)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"67108864,64Mi", "1073741824,1Gi", "1000,1000", "1536,1536"})
  void formatsBytes(long bytes, String text) {
    assertThat(Quantities.formatBytes(bytes)).isEqualTo(text);
  }
}
