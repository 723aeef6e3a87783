package io.disponent.apiserver.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.apiserver.internal.errors.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryEscapesTest {

  @ParameterizedTest(name = "query [{0}]")
  @CsvSource(nullValues = "NULL", value = {"NULL", "''", "limit=5", "labelSelector=app%3Dweb", "continue=eyJ2Ijoi%2F"})
  void wellFormedQueriesPass(String query) {
    assertThatCode(() -> QueryEscapes.check(query)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"continue=%%%garbage, %%%", "a=%zz, %zz", "a=%4, %4", "a=1&b=%, %"})
  void aBrokenEscapeIsA400NamingIt(String query, String bad) {
    assertThatThrownBy(() -> QueryEscapes.check(query)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.getMessage()).contains("invalid URL escape \"" + bad + "\""))
        .extracting(e -> ((ApiException) e).code()).isEqualTo(400);
  }
}
