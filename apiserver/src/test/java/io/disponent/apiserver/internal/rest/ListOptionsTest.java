package io.disponent.apiserver.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.apiserver.internal.errors.ApiException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListOptionsTest {

  private static Map<String, String> q(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void parsesEverything() {
    ListOptions o = ListOptions.parse(q("labelSelector", "app=web,tier!=db", "fieldSelector", "metadata.name=x",
        "limit", "10", "resourceVersion", "42", "resourceVersionMatch", "NotOlderThan", "allowWatchBookmarks", "true",
        "timeoutSeconds", "30")::get);
    assertThat(o.labels().requirements()).hasSize(2);
    assertThat(o.fields().fields()).containsExactly("metadata.name");
    assertThat(o.limit()).isEqualTo(10);
    assertThat(o.revision()).isEqualTo(42);
    assertThat(o.allowBookmarks()).isTrue();
    assertThat(o.timeoutSeconds()).isEqualTo(30);
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(q("labelSelector", "a in (b"), "labelSelector"),
        Arguments.of(q("fieldSelector", "metadata.name"), "fieldSelector"),
        Arguments.of(q("limit", "x"), "limit"),
        Arguments.of(q("limit", "-1"), "limit"),
        Arguments.of(q("timeoutSeconds", "1.5"), "timeoutSeconds"),
        Arguments.of(q("resourceVersion", "abc"), "resourceVersion"),
        Arguments.of(q("resourceVersionMatch", "Exact"), "resourceVersionMatch"),
        Arguments.of(q("resourceVersion", "0", "resourceVersionMatch", "Exact"), "resourceVersionMatch"),
        Arguments.of(q("resourceVersion", "1", "resourceVersionMatch", "Newest"), "resourceVersionMatch"),
        Arguments.of(q("watch", "true", "resourceVersion", "1", "resourceVersionMatch", "NotOlderThan"),
            "resourceVersionMatch"),
        Arguments.of(q("continue", "abc", "resourceVersion", "5"), "resourceVersion"));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void refusesWithTheField(Map<String, String> query, String field) {
    assertThatThrownBy(() -> ListOptions.parse(query::get))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.causes()).anySatisfy(c -> assertThat(c.field()).isEqualTo(field));
        });
  }

  @Test
  void reportsEveryBadParameterAtOnce() {
    assertThatThrownBy(() -> ListOptions.parse(q("limit", "x", "timeoutSeconds", "y", "labelSelector", "=")::get))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.causes()).hasSizeGreaterThanOrEqualTo(3));
  }
}
