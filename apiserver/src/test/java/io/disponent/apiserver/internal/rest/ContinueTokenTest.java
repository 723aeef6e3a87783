package io.disponent.apiserver.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.apiserver.internal.errors.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContinueTokenTest {

  @Test
  void roundTrips() {
    ContinueToken t = new ContinueToken(42, "/registry/disponent.io/tasks/default/t-9");
    assertThat(ContinueToken.decode(t.encode())).isEqualTo(t);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!!", "e30", "eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ", "eyJ2IjoieCIsInJ2IjoxLCJzdGFydCI6ImEifQ"})
  void refusesGarbage(String token) {
    assertThatThrownBy(() -> ContinueToken.decode(token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }
}
