package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.Op;
import io.disponent.store.TxnRequest;
import io.disponent.store.WatchEvent.Type;
import io.disponent.store.WatchEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MvccStoreEventsTest {
  @TempDir static Path dir;
  Fixture f;
  List<WatchEvent> applied;

  // 1: a=1  2: b=1, c=1 (one txn)  3: a=2  4: delete [a, c) (a and b)  5: c=2
  @BeforeAll
  void open() {
    f = new Fixture(dir);
    applied = Stream.of(
            f.entry(put("a", "1")),
            f.entry(new io.disponent.store.internal.Command.Txn(new TxnRequest(List.of(),
                List.of(new Op.Put("b", Fixture.bytes("1")), new Op.Put("c", Fixture.bytes("1"))), List.of()))),
            f.entry(put("a", "2")),
            f.entry(new io.disponent.store.internal.Command.Txn(new TxnRequest(List.of(),
                List.of(new Op.Delete(new KeyRange("a", "c"))), List.of()))),
            f.entry(put("c", "2")))
        .flatMap(r -> r.events().stream())
        .toList();
  }

  static io.disponent.store.internal.Command put(String k, String v) {
    return new io.disponent.store.internal.Command.Txn(TxnRequest.put(k, Fixture.bytes(v)));
  }

  @AfterAll
  void close() {
    f.close();
  }

  @Test
  void storedEventsEqualTheAppliedOnes() {
    assertThat(f.store.events(1, 5, 100)).isEqualTo(applied);
    assertThat(f.store.events(0, Long.MAX_VALUE, 100)).isEqualTo(applied);
  }

  @Test
  void orderAndPrevKvs() {
    List<WatchEvent> events = f.store.events(1, 5, 100);
    assertThat(events).extracting(WatchEvent::type, e -> e.kv().key(), WatchEvent::revision).containsExactly(
        tuple(Type.PUT, "a", 1L), tuple(Type.PUT, "b", 2L), tuple(Type.PUT, "c", 2L), tuple(Type.PUT, "a", 3L),
        tuple(Type.DELETE, "a", 4L), tuple(Type.DELETE, "b", 4L), tuple(Type.PUT, "c", 5L));
    assertThat(events.get(0).prevKv()).isNull();
    assertThat(events.get(3).prevKv().valueUtf8()).isEqualTo("1");
    assertThat(events.get(4).kv()).isEqualTo(new KeyValue("a", new byte[0], 0, 4, 0, 0));
    assertThat(events.get(4).prevKv()).isEqualTo(new KeyValue("a", Fixture.bytes("2"), 1, 3, 2, 0));
    assertThat(events.get(6).prevKv().version()).isEqualTo(1);
    assertThat(events.get(6).kv().version()).isEqualTo(2);
  }

  static Stream<Arguments> windows() {
    return Stream.of(
        // from, to, maxEvents, revisions returned
        Arguments.of(1, 5, 1, List.of(1L)),
        Arguments.of(2, 5, 1, List.of(2L, 2L)), // a whole revision even past maxEvents
        Arguments.of(1, 5, 2, List.of(1L, 2L, 2L)),
        Arguments.of(1, 5, 3, List.of(1L, 2L, 2L)),
        Arguments.of(1, 5, 4, List.of(1L, 2L, 2L, 3L)),
        Arguments.of(3, 4, 100, List.of(3L, 4L, 4L)),
        Arguments.of(5, 5, 100, List.of(5L)),
        Arguments.of(6, 10, 100, List.of()),
        Arguments.of(4, 3, 100, List.of()),
        Arguments.of(1, 5, 0, List.of(1L)));
  }

  @ParameterizedTest
  @MethodSource("windows")
  void windowsStopAtWholeRevisions(long from, long to, int max, List<Long> revisions) {
    assertThat(f.store.events(from, to, max)).extracting(WatchEvent::revision).containsExactlyElementsOf(revisions);
  }
}
