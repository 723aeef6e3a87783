package io.disponent.store.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.CompactedException;
import io.disponent.store.Compare;
import io.disponent.store.ConflictException;
import io.disponent.store.FutureRevisionException;
import io.disponent.store.InvalidRequestException;
import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.LeaseGrant;
import io.disponent.store.LeaseNotFoundException;
import io.disponent.store.Op;
import io.disponent.store.OpResult;
import io.disponent.store.QuotaExceededException;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.RequestTooLargeException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreStatus;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import io.disponent.store.internal.Query;
import io.disponent.store.internal.QueryResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodecTest {
  private static final KeyValue KV = new KeyValue("/k", "v".getBytes(StandardCharsets.UTF_8), 3, 7, 2, 9);

  @Test
  void commandsRoundTrip() {
    List<Command> commands = List.of(
        new Command.Txn(new TxnRequest(
            List.of(new Compare.ModRevision("/a", Compare.Op.EQUAL, 5), new Compare.CreateRevision("/b", Compare.Op.LESS, 1),
                new Compare.Version("/c", Compare.Op.GREATER, 0), new Compare.Value("/d", Compare.Op.NOT_EQUAL, new byte[] {1, 2})),
            List.of(new Op.Put("/a", new byte[300], 42), new Op.Delete(KeyRange.prefix("/x/"))),
            List.of(Op.Delete.key("/z")))),
        new Command.Compact(1L << 40),
        new Command.LeaseGrant(15),
        new Command.LeaseRevoke(-3));
    assertThat(Codec.decodeCommands(Codec.encodeCommands(commands))).isEqualTo(commands);
  }

  static Stream<StoreException> errors() {
    return Stream.of(new CompactedException(3, 9), new FutureRevisionException(10, 4),
        new QuotaExceededException(100, 50), new LeaseNotFoundException(77), new ConflictException("/k", 12),
        new RequestTooLargeException("value of 2 MiB"), new InvalidRequestException("empty key"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorsKeepTheirTypeAndMessage(StoreException e) {
    List<CommandResult> results = List.of(new CommandResult.Failed(e));
    StoreException back = ((CommandResult.Failed) Codec.decodeResults(Codec.encodeResults(results)).get(0)).error();
    assertThat(back).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
  }

  @Test
  void resultsRoundTrip() {
    List<CommandResult> results = List.of(
        new CommandResult.TxnDone(new TxnResponse(true, 8, List.of(new OpResult.PutResult(KV),
            new OpResult.PutResult(null), new OpResult.DeleteResult(List.of(KV, KV))))),
        new CommandResult.Granted(new LeaseGrant(5, 30)),
        new CommandResult.Done(99));
    List<CommandResult> back = Codec.decodeResults(Codec.encodeResults(results));
    assertThat(back).isEqualTo(results);
  }

  @Test
  void queriesRoundTrip() {
    List<Query> queries = List.of(new Query.Range(RangeRequest.prefix("/p/").atRevision(4).withLimit(10).stale()),
        new Query.LeaseKeepAlive(12), new Query.Status());
    assertThat(QueryCodec.decodeQueries(QueryCodec.encodeQueries(queries))).isEqualTo(queries);
    List<QueryResult> results = List.of(new QueryResult.Ranged(new RangeResponse(List.of(KV), 5, true, 20)),
        new QueryResult.KeptAlive(30), new QueryResult.Status(new StoreStatus("n1", null, 2, 3, 4, 5, 6, 7)),
        new QueryResult.NotLeader("n2"));
    assertThat(QueryCodec.decodeResults(QueryCodec.encodeResults(results))).isEqualTo(results);
  }

  @Test
  void truncatedInputIsRefused() {
    byte[] full = Codec.encodeCommands(List.of(new Command.Compact(12345)));
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
    assertThatThrownBy(() -> Codec.decodeCommands(cut)).isInstanceOf(IllegalArgumentException.class);
  }
}
