package io.disponent.store.internal.mvcc;

import static io.disponent.store.Compare.Op.EQUAL;
import static io.disponent.store.Compare.Op.GREATER;
import static io.disponent.store.Compare.Op.LESS;
import static io.disponent.store.Compare.Op.NOT_EQUAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.Compare;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Key "k": created at revision 2, modified at 3 (version 2, value "m"); "gone" deleted; "none" never existed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MvccStoreCompareTest {
  @TempDir static Path dir;
  Fixture f;

  @BeforeAll
  void open() {
    f = new Fixture(dir);
    f.put("gone", "x"); // 1
    f.put("k", "a"); // 2
    f.put("k", "m"); // 3
    f.delete("gone"); // 4
  }

  @AfterAll
  void close() {
    f.close();
  }

  static Stream<Arguments> compares() {
    byte[] m = Fixture.bytes("m");
    return Stream.of(
        Arguments.of(new Compare.ModRevision("k", EQUAL, 3), true),
        Arguments.of(new Compare.ModRevision("k", EQUAL, 2), false),
        Arguments.of(new Compare.ModRevision("k", NOT_EQUAL, 2), true),
        Arguments.of(new Compare.ModRevision("k", LESS, 4), true),
        Arguments.of(new Compare.ModRevision("k", LESS, 3), false),
        Arguments.of(new Compare.ModRevision("k", GREATER, 2), true),
        Arguments.of(new Compare.ModRevision("k", GREATER, 3), false),
        Arguments.of(new Compare.CreateRevision("k", EQUAL, 2), true),
        Arguments.of(new Compare.CreateRevision("k", NOT_EQUAL, 2), false),
        Arguments.of(new Compare.CreateRevision("k", LESS, 3), true),
        Arguments.of(new Compare.CreateRevision("k", GREATER, 1), true),
        Arguments.of(new Compare.Version("k", EQUAL, 2), true),
        Arguments.of(new Compare.Version("k", NOT_EQUAL, 0), true),
        Arguments.of(new Compare.Version("k", LESS, 2), false),
        Arguments.of(new Compare.Version("k", GREATER, 1), true),
        Arguments.of(new Compare.Value("k", EQUAL, m), true),
        Arguments.of(new Compare.Value("k", NOT_EQUAL, m), false),
        Arguments.of(new Compare.Value("k", LESS, Fixture.bytes("n")), true),
        Arguments.of(new Compare.Value("k", LESS, Fixture.bytes("m")), false),
        Arguments.of(new Compare.Value("k", GREATER, Fixture.bytes("l")), true),
        Arguments.of(new Compare.Value("k", GREATER, Fixture.bytes("mm")), false),
        Arguments.of(new Compare.Value("k", LESS, new byte[] {(byte) 0x80}), true), // unsigned: 0x80 > 'm'
        // absent keys: 0 for every number, and every value compare fails
        Arguments.of(Compare.absent("none"), true),
        Arguments.of(Compare.absent("gone"), true),
        Arguments.of(Compare.absent("k"), false),
        Arguments.of(new Compare.ModRevision("gone", EQUAL, 0), true),
        Arguments.of(new Compare.CreateRevision("none", EQUAL, 0), true),
        Arguments.of(new Compare.CreateRevision("none", LESS, 1), true),
        Arguments.of(new Compare.Value("none", EQUAL, new byte[0]), false),
        Arguments.of(new Compare.Value("none", NOT_EQUAL, m), false),
        Arguments.of(new Compare.Value("gone", GREATER, new byte[0]), false));
  }

  @ParameterizedTest
  @MethodSource("compares")
  void compare(Compare c, boolean holds) {
    assertThat(f.when(c)).isEqualTo(holds);
  }
}
