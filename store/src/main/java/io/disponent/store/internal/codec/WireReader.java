package io.disponent.store.internal.codec;

import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote. Throws {@link IllegalArgumentException} on truncated input. */
public final class WireReader {
  private final byte[] buf;
  private int pos;
  private final int end;

  public WireReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public WireReader(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  private void need(int n) {
    if (n < 0 || pos + n > end) {
      throw new IllegalArgumentException("truncated input at byte " + pos);
    }
  }

  public int u8() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  public boolean bool() {
    return u8() != 0;
  }

  public long varLong() {
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = u8();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("malformed varint at byte " + pos);
  }

  public int varInt() {
    long v = varLong();
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("length out of range: " + v);
    }
    return (int) v;
  }

  public long fixedLong() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  public byte[] bytes() {
    int n = varInt();
    need(n);
    byte[] b = new byte[n];
    System.arraycopy(buf, pos, b, 0, n);
    pos += n;
    return b;
  }

  public String string() {
    int n = varInt();
    need(n);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  public String optString() {
    return bool() ? string() : null;
  }

  public boolean hasMore() {
    return pos < end;
  }
}
