package io.disponent.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Splits one watch stream into lines without decoding it: keeps a line's first bytes, enough
 * for its type and the object's name, and stamps a line with the time of the read that
 * brought its newline.
 */
final class LineSplitter implements Flow.Subscriber<List<ByteBuffer>> {
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  /** Told of each line, and of the stream's end unless {@link #cancel} came first. */
  interface Sink {
    /** {@code head[0, length)} is the line's start; valid only during the call. */
    void line(byte[] head, int length, long nanoTime);

    /** The stream ended: {@code error} is null when it completed normally. */
    void ended(Throwable error);
  }

  private final Sink sink;
  private final byte[] head = new byte[512];
  private final byte[] scratch = new byte[16 * 1024];
  private int headLength;
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;

  LineSplitter(Sink sink) {
    this.sink = sink;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (cancelled) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    long now = System.nanoTime();
    for (ByteBuffer b : buffers) {
      while (b.hasRemaining()) {
        int n = Math.min(b.remaining(), scratch.length);
        b.get(scratch, 0, n);
        scan(n, now);
      }
    }
  }

  /** Finds the newlines eight bytes at a time; copies only each line's first bytes. */
  private void scan(int n, long now) {
    int from = 0;
    int i = 0;
    while (i < n) {
      int nl = -1;
      for (; i + 8 <= n; i += 8) {
        long v = (long) LONGS.get(scratch, i) ^ NEWLINES;
        long z = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
        if (z != 0) {
          nl = i + (Long.numberOfTrailingZeros(z) >>> 3);
          break;
        }
      }
      if (nl < 0) {
        for (; i < n; i++) {
          if (scratch[i] == '\n') {
            nl = i;
            break;
          }
        }
      }
      int end = nl < 0 ? n : nl;
      int take = Math.min(end - from, head.length - headLength);
      if (take > 0) {
        System.arraycopy(scratch, from, head, headLength, take);
        headLength += take;
      }
      if (nl < 0) {
        return;
      }
      sink.line(head, headLength, now);
      headLength = 0;
      from = nl + 1;
      i = from;
    }
  }

  @Override
  public void onError(Throwable t) {
    if (!cancelled) {
      sink.ended(t);
    }
  }

  @Override
  public void onComplete() {
    if (!cancelled) {
      sink.ended(null);
    }
  }

  void cancel() {
    cancelled = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
