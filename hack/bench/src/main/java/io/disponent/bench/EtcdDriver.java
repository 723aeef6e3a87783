package io.disponent.bench;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** etcd over jetcd: one client, requests spread over the given endpoints. */
public final class EtcdDriver implements KvDriver {
  private final Client client;
  private final KV kv;

  public EtcdDriver(List<String> endpoints) {
    this.client = Client.builder()
        .endpoints(endpoints.stream().map(e -> e.contains("://") ? e : "http://" + e).toArray(String[]::new))
        .build();
    this.kv = client.getKVClient();
  }

  @Override
  public String system() {
    return "etcd";
  }

  @Override
  public CompletableFuture<Long> put(String key, byte[] value) {
    return kv.put(bytes(key), ByteSequence.from(value)).thenApply(r -> r.getHeader().getRevision());
  }

  @Override
  public CompletableFuture<CasOutcome> cas(String key, long expectedModRevision, byte[] value) {
    ByteSequence k = bytes(key);
    // The else branch reads the key, so a failed compare still tells the current modRevision.
    return kv.txn()
        .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
        .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
        .Else(Op.get(k, GetOption.DEFAULT))
        .commit()
        .thenApply(r -> r.isSucceeded()
            ? new CasOutcome(true, r.getHeader().getRevision())
            : new CasOutcome(false, modRevisionOf(r.getGetResponses())));
  }

  @Override
  public CompletableFuture<byte[]> get(String key) {
    // GetOption.DEFAULT is linearizable (serializable=false).
    return kv.get(bytes(key), GetOption.DEFAULT)
        .thenApply(r -> r.getKvs().isEmpty() ? null : r.getKvs().get(0).getValue().getBytes());
  }

  @Override
  public void close() {
    client.close();
  }

  private static long modRevisionOf(List<GetResponse> reads) {
    if (reads.isEmpty() || reads.get(0).getKvs().isEmpty()) {
      return 0;
    }
    return reads.get(0).getKvs().get(0).getModRevision();
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
