package io.disponent.apiserver.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestInfoTest {

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("/api/v1/namespaces", new RequestInfo("", "v1", null, "namespaces", null, null)),
        Arguments.of("/api/v1/namespaces/default", new RequestInfo("", "v1", null, "namespaces", "default", null)),
        Arguments.of("/api/v1/namespaces/default/status", new RequestInfo("", "v1", null, "namespaces", "default", "status")),
        Arguments.of("/api/v1/namespaces/default/events", new RequestInfo("", "v1", "default", "events", null, null)),
        Arguments.of("/api/v1/namespaces/default/events/e1", new RequestInfo("", "v1", "default", "events", "e1", null)),
        Arguments.of("/api/v1/events", new RequestInfo("", "v1", null, "events", null, null)),
        Arguments.of("/apis/disponent.io/v1/services", new RequestInfo("disponent.io", "v1", null, "services", null, null)),
        Arguments.of("/apis/disponent.io/v1/namespaces/a/services/web/scale",
            new RequestInfo("disponent.io", "v1", "a", "services", "web", "scale")),
        Arguments.of("/apis/disponent.io/v1/nodes/n1/status", new RequestInfo("disponent.io", "v1", null, "nodes", "n1", "status")),
        Arguments.of("/apis/disponent.io/v1/watch/namespaces/a/services",
            new RequestInfo("disponent.io", "v1", "a", "services", null, null)),
        Arguments.of("/apis/disponent.io/v1", null),
        Arguments.of("/apis/disponent.io", null),
        Arguments.of("/api/v1", null),
        Arguments.of("/healthz", null),
        Arguments.of("/apis/disponent.io/v1/a/b/c/d", null));
  }

  @ParameterizedTest
  @MethodSource("paths")
  void parses(String path, RequestInfo expected) {
    assertThat(RequestInfo.parse(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("watchPaths")
  void recognisesLegacyWatch(String path, boolean watch) {
    assertThat(RequestInfo.legacyWatch(path)).isEqualTo(watch);
  }

  static Stream<Arguments> watchPaths() {
    return Stream.of(
        Arguments.of("/apis/disponent.io/v1/watch/services", true),
        Arguments.of("/api/v1/watch/namespaces", true),
        Arguments.of("/apis/disponent.io/v1/services", false),
        Arguments.of("/api/v1/namespaces/watch", false));
  }
}
