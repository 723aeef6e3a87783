package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.Compare;
import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.Op;
import io.disponent.store.RangeRequest;
import io.disponent.store.StoreException;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A store in a temporary directory fed one command per Raft entry, with terse helpers. */
final class Fixture implements AutoCloseable {
  final Path dir;
  final StoreLimits limits;
  MvccStore store;
  long index;

  Fixture(Path dir) {
    this(dir, StoreLimits.DEFAULT);
  }

  Fixture(Path dir, StoreLimits limits) {
    this.dir = dir;
    this.limits = limits;
    this.store = MvccStore.open(dir, limits);
    this.index = store.appliedIndex();
  }

  void reopen() {
    store.close();
    store = MvccStore.open(dir, limits);
  }

  ApplyResult entry(Command... commands) {
    return store.apply(1, ++index, List.of(commands));
  }

  CommandResult one(Command c) {
    return entry(c).results().get(0);
  }

  TxnResponse txn(TxnRequest t) {
    CommandResult r = one(new Command.Txn(t));
    assertThat(r).isInstanceOf(CommandResult.TxnDone.class);
    return ((CommandResult.TxnDone) r).response();
  }

  StoreException failure(Command c) {
    CommandResult r = one(c);
    assertThat(r).isInstanceOf(CommandResult.Failed.class);
    return ((CommandResult.Failed) r).error();
  }

  long put(String key, String value) {
    return txn(TxnRequest.put(key, bytes(value))).revision();
  }

  long put(String key, String value, long lease) {
    return txn(new TxnRequest(List.of(), List.of(new Op.Put(key, bytes(value), lease)), List.of())).revision();
  }

  long delete(String key) {
    return txn(TxnRequest.delete(key)).revision();
  }

  long deleteRange(KeyRange range) {
    return txn(new TxnRequest(List.of(), List.of(new Op.Delete(range)), List.of())).revision();
  }

  boolean when(Compare c) {
    return txn(TxnRequest.when(List.of(c), List.of())).succeeded();
  }

  long grant(long ttl) {
    return ((CommandResult.Granted) one(new Command.LeaseGrant(ttl))).grant().id();
  }

  KeyValue get(String key) {
    return store.range(RangeRequest.key(key)).kvs().stream().findFirst().orElse(null);
  }

  KeyValue get(String key, long revision) {
    return store.range(RangeRequest.key(key).atRevision(revision)).kvs().stream().findFirst().orElse(null);
  }

  List<String> keys(RangeRequest r) {
    return store.range(r).kvs().stream().map(KeyValue::key).toList();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    store.close();
  }
}
