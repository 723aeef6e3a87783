package io.disponent.apiserver.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.apiserver.selector.LabelSelector;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheWatcherTest {

  private static StoredObject o(String app, long rev) {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.putObject("metadata").put("name", "a").put("namespace", "ns").putObject("labels").put("app", app);
    return new StoredObject("/registry/x/ns/a", n, rev);
  }

  static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of(CacheEvent.Type.ADDED, null, o("web", 2), "ADDED"),
        Arguments.of(CacheEvent.Type.ADDED, null, o("db", 2), null),
        Arguments.of(CacheEvent.Type.MODIFIED, o("web", 1), o("web", 2), "MODIFIED"),
        Arguments.of(CacheEvent.Type.MODIFIED, o("db", 1), o("web", 2), "ADDED"),
        Arguments.of(CacheEvent.Type.MODIFIED, o("web", 1), o("db", 2), "DELETED"),
        Arguments.of(CacheEvent.Type.MODIFIED, o("db", 1), o("db", 2), null),
        Arguments.of(CacheEvent.Type.DELETED, o("web", 1), o("web", 2), "DELETED"),
        Arguments.of(CacheEvent.Type.DELETED, o("db", 1), o("db", 2), null));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
  @MethodSource("events")
  void anObjectLeavingTheSelectionIsDeletedForTheWatcher(CacheEvent.Type type, StoredObject before,
      StoredObject after, String expected) {
    CacheWatcher w = new CacheWatcher(new WatchFilter("ns", LabelSelector.parse("app=web"), null), 10, () -> {});
    WatchItem item = w.translate(new CacheEvent(type, after, before, 2));
    assertThat(item == null ? null : item.type()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "queue of {0}")
  @MethodSource("capacities")
  void aWatcherThatFallsBehindIsTerminated(int capacity, int offered, boolean terminated) {
    CacheWatcher w = new CacheWatcher(WatchFilter.everything(null), capacity, () -> {});
    for (int i = 0; i < offered; i++) {
      w.offer(new CacheEvent(CacheEvent.Type.ADDED, o("web", i + 1), null, i + 1));
    }
    assertThat(w.terminationReason() != null).isEqualTo(terminated);
  }

  static Stream<Arguments> capacities() {
    return Stream.of(Arguments.of(5, 5, false), Arguments.of(5, 6, true), Arguments.of(1, 0, false));
  }
}
