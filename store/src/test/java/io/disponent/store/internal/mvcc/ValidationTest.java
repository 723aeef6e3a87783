package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.Compare;
import io.disponent.store.InvalidRequestException;
import io.disponent.store.KeyRange;
import io.disponent.store.Op;
import io.disponent.store.RequestTooLargeException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.internal.Command;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {
  static final StoreLimits LIMITS = new StoreLimits(8, 16, 3, 1L << 30);

  @TempDir Path dir;

  static TxnRequest ops(Op... ops) {
    return new TxnRequest(List.of(), List.of(ops), List.of());
  }

  static Op.Put put(String key, int valueBytes) {
    return new Op.Put(key, new byte[valueBytes]);
  }

  static Stream<Arguments> invalid() {
    Class<InvalidRequestException> invalid = InvalidRequestException.class;
    Class<RequestTooLargeException> tooLarge = RequestTooLargeException.class;
    return Stream.of(
        Arguments.of("empty key", ops(put("", 1)), invalid),
        Arguments.of("NUL in key", ops(put("a\0b", 1)), invalid),
        Arguments.of("key too long", ops(put("123456789", 1)), tooLarge),
        Arguments.of("multi-byte key too long", ops(put("ééééé", 1)), tooLarge),
        Arguments.of("value too large", ops(put("k", 17)), tooLarge),
        Arguments.of("too many ops", ops(put("a", 1), put("b", 1), put("c", 1), put("d", 1)), tooLarge),
        Arguments.of("compares count", new TxnRequest(
            List.of(Compare.absent("a"), Compare.absent("b")), List.of(put("a", 1), put("b", 1)), List.of()), tooLarge),
        Arguments.of("empty compare key", new TxnRequest(List.of(Compare.absent("")), List.of(), List.of()), invalid),
        Arguments.of("bad failure branch", new TxnRequest(List.of(), List.of(), List.of(put("", 1))), invalid),
        Arguments.of("end before key", ops(new Op.Delete(new KeyRange("b", "a"))), invalid),
        Arguments.of("end equals key", ops(new Op.Delete(new KeyRange("b", "b"))), invalid),
        Arguments.of("empty single delete", ops(Op.Delete.key("")), invalid),
        Arguments.of("duplicate put", ops(put("a", 1), put("a", 2)), invalid),
        Arguments.of("put inside deleted range", ops(put("a/1", 1), new Op.Delete(KeyRange.prefix("a/"))), invalid));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusedAndNothingApplied(String name, TxnRequest t, Class<? extends StoreException> error) {
    try (Fixture f = new Fixture(dir, LIMITS)) {
      StoreException e = f.failure(new Command.Txn(t));
      assertThat(e).isInstanceOf(error);
      assertThat(f.store.revision()).isZero();
      assertThat(f.store.dataSize()).isZero();
      assertThat(f.store.appliedIndex()).isEqualTo(1);
    }
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("limits exactly", ops(put("12345678", 16))),
        Arguments.of("delete all", ops(new Op.Delete(KeyRange.all()))),
        Arguments.of("delete continuation range", ops(new Op.Delete(new KeyRange("a\0", KeyRange.UNBOUNDED)))),
        Arguments.of("two overlapping deletes", ops(new Op.Delete(KeyRange.prefix("a")), new Op.Delete(KeyRange.prefix("ab")))),
        Arguments.of("same key in both branches", new TxnRequest(List.of(), List.of(put("a", 1)), List.of(put("a", 1)))),
        Arguments.of("empty", new TxnRequest(List.of(), Collections.emptyList(), List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void accepted(String name, TxnRequest t) {
    try (Fixture f = new Fixture(dir, LIMITS)) {
      assertThat(f.txn(t).succeeded()).isTrue();
    }
  }
}
