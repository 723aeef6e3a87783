package io.disponent.store.internal.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An append-only byte buffer with big-endian fixed and variable-length integers. Not thread-safe. */
public final class WireWriter {
  private byte[] buf;
  private int len;

  public WireWriter() {
    this(256);
  }

  public WireWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public WireWriter u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  public WireWriter bool(boolean v) {
    return u8(v ? 1 : 0);
  }

  /** Unsigned LEB128 of a non-negative long; negative values take ten bytes. */
  public WireWriter varLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
    return this;
  }

  public WireWriter fixedLong(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (i * 8));
    }
    return this;
  }

  public WireWriter bytes(byte[] b) {
    varLong(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  public WireWriter raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  public WireWriter string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A string that may be null. */
  public WireWriter optString(String s) {
    bool(s != null);
    return s == null ? this : string(s);
  }

  public int length() {
    return len;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }
}
