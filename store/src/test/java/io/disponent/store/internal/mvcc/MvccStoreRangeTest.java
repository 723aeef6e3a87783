package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.FutureRevisionException;
import io.disponent.store.InvalidRequestException;
import io.disponent.store.KeyRange;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
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
class MvccStoreRangeTest {
  @TempDir static Path dir;
  Fixture f;

  // revision 1..6: put each key; revision 7: delete /a/2; revision 8: put /a/1 again
  @BeforeAll
  void open() {
    f = new Fixture(dir);
    for (String k : List.of("/a/1", "/a/2", "/a/3", "/b/1", "/a0", "\uD83D\uDE00")) {
      f.put(k, k);
    }
    f.delete("/a/2");
    f.put("/a/1", "again");
  }

  @AfterAll
  void close() {
    f.close();
  }

  static Stream<Arguments> ranges() {
    return Stream.of(
        // request, keys, count, more
        Arguments.of(RangeRequest.prefix("/a/"), List.of("/a/1", "/a/3"), 2, false),
        Arguments.of(RangeRequest.prefix("/a"), List.of("/a/1", "/a/3", "/a0"), 3, false),
        Arguments.of(RangeRequest.prefix(""), List.of("/a/1", "/a/3", "/a0", "/b/1", "\uD83D\uDE00"), 5, false),
        Arguments.of(RangeRequest.of(new KeyRange("/a0", KeyRange.UNBOUNDED)), List.of("/a0", "/b/1", "\uD83D\uDE00"), 3, false),
        Arguments.of(RangeRequest.of(new KeyRange("/a/3", "/b/1")), List.of("/a/3", "/a0"), 2, false),
        Arguments.of(RangeRequest.key("/a/2"), List.of(), 0, false),
        Arguments.of(RangeRequest.key("/a/3"), List.of("/a/3"), 1, false),
        Arguments.of(RangeRequest.prefix("").withLimit(2), List.of("/a/1", "/a/3"), 5, true),
        Arguments.of(RangeRequest.prefix("").withLimit(5), List.of("/a/1", "/a/3", "/a0", "/b/1", "\uD83D\uDE00"), 5, false),
        Arguments.of(RangeRequest.prefix("").withLimit(2).continueAfter("/a/3"), List.of("/a0", "/b/1"), 3, true),
        Arguments.of(RangeRequest.prefix("").withCountOnly(), List.of(), 5, false),
        Arguments.of(RangeRequest.prefix("/a/").withCountOnly().withLimit(1), List.of(), 2, false),
        // at past revisions
        Arguments.of(RangeRequest.prefix("/a/").atRevision(2), List.of("/a/1", "/a/2"), 2, false),
        Arguments.of(RangeRequest.prefix("/a/").atRevision(6), List.of("/a/1", "/a/2", "/a/3"), 3, false),
        Arguments.of(RangeRequest.prefix("/a/").atRevision(7), List.of("/a/1", "/a/3"), 2, false),
        Arguments.of(RangeRequest.prefix("").atRevision(6).withLimit(2), List.of("/a/1", "/a/2"), 6, true),
        Arguments.of(RangeRequest.prefix("").atRevision(6).withLimit(2).continueAfter("/a/1"), List.of("/a/2", "/a/3"), 5, true),
        Arguments.of(RangeRequest.prefix("").atRevision(5).withCountOnly(), List.of(), 5, false),
        Arguments.of(RangeRequest.key("/a/2").atRevision(6), List.of("/a/2"), 1, false),
        Arguments.of(RangeRequest.key("/a/2").atRevision(1), List.of(), 0, false),
        Arguments.of(RangeRequest.key("\uD83D\uDE00").atRevision(6), List.of("\uD83D\uDE00"), 1, false),
        Arguments.of(RangeRequest.prefix("").atRevision(8), List.of("/a/1", "/a/3", "/a0", "/b/1", "\uD83D\uDE00"), 5, false));
  }

  @ParameterizedTest
  @MethodSource("ranges")
  void range(RangeRequest request, List<String> keys, long count, boolean more) {
    RangeResponse r = f.store.range(request);
    assertThat(r.kvs()).extracting(kv -> kv.key()).containsExactlyElementsOf(keys);
    assertThat(r.count()).isEqualTo(count);
    assertThat(r.more()).isEqualTo(more);
    assertThat(r.revision()).isEqualTo(8);
  }

  @Test
  void pastRevisionsReturnTheVersionOfThatRevision() {
    assertThat(f.get("/a/1", 1).valueUtf8()).isEqualTo("/a/1");
    assertThat(f.get("/a/1", 7).valueUtf8()).isEqualTo("/a/1");
    assertThat(f.get("/a/1", 8).valueUtf8()).isEqualTo("again");
    assertThat(f.store.range(RangeRequest.prefix("/a/").atRevision(7)).kvs().get(0).version()).isEqualTo(1);
  }

  @Test
  void keyOrderIsUtf8ByteOrder(@TempDir Path own) {
    try (Fixture g = new Fixture(own)) {
      g.put("\uD83D\uDE00", "emoji");
      g.put("\uFFFD", "bmp"); // sorts before the emoji in UTF-8, after it in UTF-16
      g.put("z", "ascii");
      assertThat(g.keys(RangeRequest.prefix(""))).containsExactly("z", "\uFFFD", "\uD83D\uDE00");
      assertThat(g.keys(RangeRequest.prefix("").atRevision(2))).containsExactly("\uFFFD", "\uD83D\uDE00");
    }
  }

  @Test
  void futureRevisionAndBadRangesAreRefused() {
    assertThatThrownBy(() -> f.store.range(RangeRequest.key("/a/1").atRevision(9)))
        .isInstanceOf(FutureRevisionException.class);
    assertThatThrownBy(() -> f.store.range(RangeRequest.key("")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> f.store.range(RangeRequest.of(new KeyRange("/b", "/a"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> f.store.range(RangeRequest.of(new KeyRange("/b", "/b"))))
        .isInstanceOf(InvalidRequestException.class);
  }
}
