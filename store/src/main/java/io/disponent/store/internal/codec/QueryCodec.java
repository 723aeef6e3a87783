package io.disponent.store.internal.codec;

import io.disponent.store.StoreStatus;
import io.disponent.store.internal.Query;
import io.disponent.store.internal.QueryResult;
import java.util.List;

/** The wire encoding of read-only queries and their results. */
public final class QueryCodec {
  private QueryCodec() {}

  private static final int Q_RANGE = 1;
  private static final int Q_KEEPALIVE = 2;
  private static final int Q_STATUS = 3;

  public static void writeQuery(WireWriter w, Query q) {
    if (q instanceof Query.Range r) {
      w.u8(Q_RANGE);
      Codec.writeRangeRequest(w, r.request());
    } else if (q instanceof Query.LeaseKeepAlive k) {
      w.u8(Q_KEEPALIVE).fixedLong(k.leaseId());
    } else if (q instanceof Query.Status) {
      w.u8(Q_STATUS);
    } else {
      throw new IllegalArgumentException("unknown query " + q);
    }
  }

  public static Query readQuery(WireReader r) {
    int tag = r.u8();
    return switch (tag) {
      case Q_RANGE -> new Query.Range(Codec.readRangeRequest(r));
      case Q_KEEPALIVE -> new Query.LeaseKeepAlive(r.fixedLong());
      case Q_STATUS -> new Query.Status();
      default -> throw new IllegalArgumentException("unknown query tag " + tag);
    };
  }

  private static final int R_RANGED = 1;
  private static final int R_KEPT = 2;
  private static final int R_STATUS = 3;
  private static final int R_NOT_LEADER = 4;
  private static final int R_FAILED = 5;

  public static void writeResult(WireWriter w, QueryResult res) {
    if (res instanceof QueryResult.Ranged r) {
      w.u8(R_RANGED);
      Codec.writeRangeResponse(w, r.response());
    } else if (res instanceof QueryResult.KeptAlive k) {
      w.u8(R_KEPT).varLong(k.ttlSeconds());
    } else if (res instanceof QueryResult.Status s) {
      StoreStatus st = s.status();
      w.u8(R_STATUS).string(st.memberId()).optString(st.leaderId()).varLong(st.term()).varLong(st.appliedIndex())
          .varLong(st.revision()).varLong(st.compactRevision()).varLong(st.dbSizeBytes()).varLong(st.dataSizeBytes());
    } else if (res instanceof QueryResult.NotLeader n) {
      w.u8(R_NOT_LEADER).optString(n.leaderId());
    } else if (res instanceof QueryResult.Failed f) {
      w.u8(R_FAILED);
      Codec.writeError(w, f.error());
    } else {
      throw new IllegalArgumentException("unknown query result " + res);
    }
  }

  public static QueryResult readResult(WireReader r) {
    int tag = r.u8();
    return switch (tag) {
      case R_RANGED -> new QueryResult.Ranged(Codec.readRangeResponse(r));
      case R_KEPT -> new QueryResult.KeptAlive(r.varLong());
      case R_STATUS -> new QueryResult.Status(new StoreStatus(r.string(), r.optString(), r.varLong(), r.varLong(),
          r.varLong(), r.varLong(), r.varLong(), r.varLong()));
      case R_NOT_LEADER -> new QueryResult.NotLeader(r.optString());
      case R_FAILED -> new QueryResult.Failed(Codec.readError(r));
      default -> throw new IllegalArgumentException("unknown query result tag " + tag);
    };
  }

  public static byte[] encodeQueries(List<Query> queries) {
    WireWriter w = new WireWriter();
    Codec.writeList(w, queries, QueryCodec::writeQuery);
    return w.toByteArray();
  }

  public static List<Query> decodeQueries(byte[] b) {
    return Codec.readList(new WireReader(b), QueryCodec::readQuery);
  }

  public static byte[] encodeResults(List<QueryResult> results) {
    WireWriter w = new WireWriter();
    Codec.writeList(w, results, QueryCodec::writeResult);
    return w.toByteArray();
  }

  public static List<QueryResult> decodeResults(byte[] b) {
    return Codec.readList(new WireReader(b), QueryCodec::readResult);
  }
}
