package io.disponent.store.internal.codec;

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
import io.disponent.store.StoreClosedException;
import io.disponent.store.StoreException;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The store's binary encoding of its values, shared by the Raft messages and the RocksDB records.
 * Each sealed case is written as a one-byte tag followed by its fields; the format is private to
 * the store and versioned by the tag values.
 */
public final class Codec {
  private Codec() {}

  // ---- lists

  public static <T> void writeList(WireWriter w, List<T> items, BiConsumer<WireWriter, T> each) {
    w.varLong(items.size());
    for (T item : items) {
      each.accept(w, item);
    }
  }

  public static <T> List<T> readList(WireReader r, Function<WireReader, T> each) {
    int n = r.varInt();
    List<T> out = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      out.add(each.apply(r));
    }
    return out;
  }

  // ---- key values and events

  public static void writeKeyValue(WireWriter w, KeyValue kv) {
    w.string(kv.key()).bytes(kv.value())
        .varLong(kv.createRevision()).varLong(kv.modRevision()).varLong(kv.version()).varLong(kv.lease());
  }

  public static KeyValue readKeyValue(WireReader r) {
    return new KeyValue(r.string(), r.bytes(), r.varLong(), r.varLong(), r.varLong(), r.varLong());
  }

  public static byte[] encodeKeyValue(KeyValue kv) {
    WireWriter w = new WireWriter(kv.key().length() + kv.value().length + 24);
    writeKeyValue(w, kv);
    return w.toByteArray();
  }

  public static KeyValue decodeKeyValue(byte[] b) {
    return readKeyValue(new WireReader(b));
  }

  private static void writeOptKeyValue(WireWriter w, KeyValue kv) {
    w.bool(kv != null);
    if (kv != null) {
      writeKeyValue(w, kv);
    }
  }

  private static KeyValue readOptKeyValue(WireReader r) {
    return r.bool() ? readKeyValue(r) : null;
  }

  public static void writeEvent(WireWriter w, WatchEvent e) {
    w.u8(e.type().ordinal());
    writeKeyValue(w, e.kv());
    writeOptKeyValue(w, e.prevKv());
  }

  public static WatchEvent readEvent(WireReader r) {
    WatchEvent.Type type = WatchEvent.Type.values()[r.u8()];
    return new WatchEvent(type, readKeyValue(r), readOptKeyValue(r));
  }

  // ---- ranges

  public static void writeKeyRange(WireWriter w, KeyRange range) {
    w.string(range.key()).string(range.end());
  }

  public static KeyRange readKeyRange(WireReader r) {
    return new KeyRange(r.string(), r.string());
  }

  public static void writeRangeRequest(WireWriter w, RangeRequest q) {
    writeKeyRange(w, q.range());
    w.varLong(q.revision()).varLong(q.limit()).bool(q.countOnly()).bool(q.serializable());
  }

  public static RangeRequest readRangeRequest(WireReader r) {
    return new RangeRequest(readKeyRange(r), r.varLong(), r.varLong(), r.bool(), r.bool());
  }

  public static void writeRangeResponse(WireWriter w, RangeResponse resp) {
    writeList(w, resp.kvs(), Codec::writeKeyValue);
    w.varLong(resp.count()).bool(resp.more()).varLong(resp.revision());
  }

  public static RangeResponse readRangeResponse(WireReader r) {
    return new RangeResponse(readList(r, Codec::readKeyValue), r.varLong(), r.bool(), r.varLong());
  }

  // ---- transactions

  private static final int CMP_MOD = 1;
  private static final int CMP_CREATE = 2;
  private static final int CMP_VERSION = 3;
  private static final int CMP_VALUE = 4;

  public static void writeCompare(WireWriter w, Compare c) {
    if (c instanceof Compare.ModRevision m) {
      w.u8(CMP_MOD).string(m.key()).u8(m.op().ordinal()).varLong(m.revision());
    } else if (c instanceof Compare.CreateRevision m) {
      w.u8(CMP_CREATE).string(m.key()).u8(m.op().ordinal()).varLong(m.revision());
    } else if (c instanceof Compare.Version m) {
      w.u8(CMP_VERSION).string(m.key()).u8(m.op().ordinal()).varLong(m.version());
    } else if (c instanceof Compare.Value m) {
      w.u8(CMP_VALUE).string(m.key()).u8(m.op().ordinal()).bytes(m.value());
    } else {
      throw new IllegalArgumentException("unknown compare " + c);
    }
  }

  public static Compare readCompare(WireReader r) {
    int tag = r.u8();
    String key = r.string();
    Compare.Op op = Compare.Op.values()[r.u8()];
    return switch (tag) {
      case CMP_MOD -> new Compare.ModRevision(key, op, r.varLong());
      case CMP_CREATE -> new Compare.CreateRevision(key, op, r.varLong());
      case CMP_VERSION -> new Compare.Version(key, op, r.varLong());
      case CMP_VALUE -> new Compare.Value(key, op, r.bytes());
      default -> throw new IllegalArgumentException("unknown compare tag " + tag);
    };
  }

  private static final int OP_PUT = 1;
  private static final int OP_DELETE = 2;

  public static void writeOp(WireWriter w, Op op) {
    if (op instanceof Op.Put p) {
      w.u8(OP_PUT).string(p.key()).bytes(p.value()).varLong(p.lease());
    } else if (op instanceof Op.Delete d) {
      w.u8(OP_DELETE);
      writeKeyRange(w, d.range());
    } else {
      throw new IllegalArgumentException("unknown op " + op);
    }
  }

  public static Op readOp(WireReader r) {
    int tag = r.u8();
    return switch (tag) {
      case OP_PUT -> new Op.Put(r.string(), r.bytes(), r.varLong());
      case OP_DELETE -> new Op.Delete(readKeyRange(r));
      default -> throw new IllegalArgumentException("unknown op tag " + tag);
    };
  }

  public static void writeTxnRequest(WireWriter w, TxnRequest t) {
    writeList(w, t.compares(), Codec::writeCompare);
    writeList(w, t.success(), Codec::writeOp);
    writeList(w, t.failure(), Codec::writeOp);
  }

  public static TxnRequest readTxnRequest(WireReader r) {
    return new TxnRequest(readList(r, Codec::readCompare), readList(r, Codec::readOp), readList(r, Codec::readOp));
  }

  public static void writeOpResult(WireWriter w, OpResult result) {
    if (result instanceof OpResult.PutResult p) {
      w.u8(OP_PUT);
      writeOptKeyValue(w, p.prevKv());
    } else if (result instanceof OpResult.DeleteResult d) {
      w.u8(OP_DELETE);
      writeList(w, d.prevKvs(), Codec::writeKeyValue);
    } else {
      throw new IllegalArgumentException("unknown op result " + result);
    }
  }

  public static OpResult readOpResult(WireReader r) {
    int tag = r.u8();
    return switch (tag) {
      case OP_PUT -> new OpResult.PutResult(readOptKeyValue(r));
      case OP_DELETE -> new OpResult.DeleteResult(readList(r, Codec::readKeyValue));
      default -> throw new IllegalArgumentException("unknown op result tag " + tag);
    };
  }

  public static void writeTxnResponse(WireWriter w, TxnResponse t) {
    w.bool(t.succeeded()).varLong(t.revision());
    writeList(w, t.results(), Codec::writeOpResult);
  }

  public static TxnResponse readTxnResponse(WireReader r) {
    return new TxnResponse(r.bool(), r.varLong(), readList(r, Codec::readOpResult));
  }

  // ---- commands and their results

  private static final int C_TXN = 1;
  private static final int C_COMPACT = 2;
  private static final int C_LEASE_GRANT = 3;
  private static final int C_LEASE_REVOKE = 4;

  public static void writeCommand(WireWriter w, Command c) {
    if (c instanceof Command.Txn t) {
      w.u8(C_TXN);
      writeTxnRequest(w, t.request());
    } else if (c instanceof Command.Compact k) {
      w.u8(C_COMPACT).varLong(k.revision());
    } else if (c instanceof Command.LeaseGrant g) {
      w.u8(C_LEASE_GRANT).varLong(g.ttlSeconds());
    } else if (c instanceof Command.LeaseRevoke v) {
      w.u8(C_LEASE_REVOKE).varLong(v.leaseId());
    } else {
      throw new IllegalArgumentException("unknown command " + c);
    }
  }

  public static Command readCommand(WireReader r) {
    int tag = r.u8();
    return switch (tag) {
      case C_TXN -> new Command.Txn(readTxnRequest(r));
      case C_COMPACT -> new Command.Compact(r.varLong());
      case C_LEASE_GRANT -> new Command.LeaseGrant(r.varLong());
      case C_LEASE_REVOKE -> new Command.LeaseRevoke(r.varLong());
      default -> throw new IllegalArgumentException("unknown command tag " + tag);
    };
  }

  private static final int R_TXN = 1;
  private static final int R_GRANTED = 2;
  private static final int R_DONE = 3;
  private static final int R_FAILED = 4;

  public static void writeResult(WireWriter w, CommandResult result) {
    if (result instanceof CommandResult.TxnDone t) {
      w.u8(R_TXN);
      writeTxnResponse(w, t.response());
    } else if (result instanceof CommandResult.Granted g) {
      w.u8(R_GRANTED).varLong(g.grant().id()).varLong(g.grant().ttlSeconds());
    } else if (result instanceof CommandResult.Done d) {
      w.u8(R_DONE).varLong(d.revision());
    } else if (result instanceof CommandResult.Failed f) {
      w.u8(R_FAILED);
      writeError(w, f.error());
    } else {
      throw new IllegalArgumentException("unknown result " + result);
    }
  }

  public static CommandResult readResult(WireReader r) {
    int tag = r.u8();
    return switch (tag) {
      case R_TXN -> new CommandResult.TxnDone(readTxnResponse(r));
      case R_GRANTED -> new CommandResult.Granted(new LeaseGrant(r.varLong(), r.varLong()));
      case R_DONE -> new CommandResult.Done(r.varLong());
      case R_FAILED -> new CommandResult.Failed(readError(r));
      default -> throw new IllegalArgumentException("unknown result tag " + tag);
    };
  }

  public static byte[] encodeCommands(List<Command> commands) {
    WireWriter w = new WireWriter();
    writeList(w, commands, Codec::writeCommand);
    return w.toByteArray();
  }

  public static List<Command> decodeCommands(byte[] b) {
    return readList(new WireReader(b), Codec::readCommand);
  }

  public static byte[] encodeResults(List<CommandResult> results) {
    WireWriter w = new WireWriter();
    writeList(w, results, Codec::writeResult);
    return w.toByteArray();
  }

  public static List<CommandResult> decodeResults(byte[] b) {
    return readList(new WireReader(b), Codec::readResult);
  }

  // ---- errors: the ones a replica can return, rebuilt as the same type on the client

  public static void writeError(WireWriter w, StoreException e) {
    if (e instanceof CompactedException c) {
      w.string(c.code()).varLong(c.requestedRevision()).varLong(c.compactRevision());
    } else if (e instanceof FutureRevisionException f) {
      w.string(f.code()).varLong(f.requestedRevision()).varLong(f.currentRevision());
    } else if (e instanceof QuotaExceededException q) {
      w.string(q.code()).varLong(q.dataSizeBytes()).varLong(q.quotaBytes());
    } else if (e instanceof LeaseNotFoundException l) {
      w.string(l.code()).fixedLong(l.leaseId());
    } else if (e instanceof ConflictException c) {
      w.string(c.code()).string(c.key()).varLong(c.actualModRevision());
    } else if (e instanceof RequestTooLargeException t) {
      w.string(t.code()).string(t.detail());
    } else if (e instanceof InvalidRequestException i) {
      w.string(i.code()).string(i.detail());
    } else if (e instanceof StoreClosedException c) {
      w.string(c.code());
    } else {
      w.string("InvalidRequest").string(e.getMessage());
    }
  }

  public static StoreException readError(WireReader r) {
    String code = r.string();
    return switch (code) {
      case "Compacted" -> new CompactedException(r.varLong(), r.varLong());
      case "FutureRevision" -> new FutureRevisionException(r.varLong(), r.varLong());
      case "QuotaExceeded" -> new QuotaExceededException(r.varLong(), r.varLong());
      case "LeaseNotFound" -> new LeaseNotFoundException(r.fixedLong());
      case "Conflict" -> new ConflictException(r.string(), r.varLong());
      case "RequestTooLarge" -> new RequestTooLargeException(r.string());
      case "Closed" -> new StoreClosedException();
      default -> new InvalidRequestException(r.string());
    };
  }
}
