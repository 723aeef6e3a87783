package io.disponent.agent.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Reads a task's {@code stdout}/{@code stderr}, including the files {@link LogRotator} made
 * ({@code stdout.1} is older than {@code stdout}).
 */
public final class TaskLogs {
  private static final int BLOCK = 8192;
  private final LogFiles files;

  public TaskLogs(LogFiles files) {
    this.files = files;
  }

  /** The logs in {@code sandbox} ({@link LogFiles#inSandbox}). */
  public TaskLogs(Path sandbox) {
    this(LogFiles.inSandbox(sandbox));
  }

  /** The last {@code lines} lines (a final line without newline counts), across rotated files. */
  public byte[] tail(LogStream stream, int lines) throws IOException {
    Path live = files.of(stream);
    return tail(stream, lines, Files.exists(live) ? Files.size(live) : 0);
  }

  private byte[] tail(LogStream stream, int lines, long liveLimit) throws IOException {
    if (lines <= 0) {
      return new byte[0];
    }
    Deque<byte[]> blocks = new ArrayDeque<>();
    int found = 0;
    boolean atEnd = true;
    for (Path f : newestFirst(stream)) {
      try (SeekableByteChannel ch = Files.newByteChannel(f)) {
        long pos = f.equals(files.of(stream)) ? Math.min(liveLimit, ch.size()) : ch.size();
        while (pos > 0) {
          int n = (int) Math.min(BLOCK, pos);
          pos -= n;
          byte[] b = readAt(ch, pos, n);
          for (int i = n - 1; i >= 0; i--) {
            boolean last = atEnd;
            atEnd = false;
            if (b[i] == '\n' && !last && ++found == lines) {
              blocks.addFirst(Arrays.copyOfRange(b, i + 1, n));
              return join(blocks);
            }
          }
          blocks.addFirst(b);
        }
      } catch (NoSuchFileException e) {
        // rotated away while reading
      }
    }
    return join(blocks);
  }

  /**
   * The last {@code tailLines} lines, then every byte appended later, across rotations, until the
   * stream is closed. {@code read} blocks (checking every {@code pollInterval}) while there is
   * nothing new; closing from another thread ends it with end of stream.
   */
  public InputStream follow(LogStream stream, int tailLines, Duration pollInterval) throws IOException {
    Path live = files.of(stream);
    long start = Files.exists(live) ? Files.size(live) : 0;
    Object rotatedKey = fileKey(LogRotator.rotated(live, 1));
    byte[] head = tail(stream, tailLines, start);
    return new Follower(live, start, rotatedKey, head, pollInterval);
  }

  private List<Path> newestFirst(LogStream stream) {
    Path live = files.of(stream);
    List<Path> files = new ArrayList<>();
    if (Files.exists(live)) {
      files.add(live);
    }
    for (int i = 1; Files.exists(LogRotator.rotated(live, i)); i++) {
      files.add(LogRotator.rotated(live, i));
    }
    return files;
  }

  private static byte[] readAt(SeekableByteChannel ch, long pos, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n);
    ch.position(pos);
    while (buf.hasRemaining() && ch.read(buf) > 0) {
      // fill
    }
    return buf.position() == n ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
  }

  private static byte[] join(Deque<byte[]> blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    blocks.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static Object fileKey(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** Serves {@code head}, then the live file from {@code pos}; a new {@code f.1} means a rotation. */
  private static final class Follower extends InputStream {
    private final Path live;
    private final Duration pollInterval;
    private long pos;
    private Object rotatedKey;
    private byte[] pending;
    private int pendingAt;
    private volatile boolean closed;

    Follower(Path live, long pos, Object rotatedKey, byte[] head, Duration pollInterval) {
      this.live = live;
      this.pos = pos;
      this.rotatedKey = rotatedKey;
      this.pending = head;
      this.pollInterval = pollInterval;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      while (!closed) {
        if (pendingAt < pending.length) {
          int n = Math.min(len, pending.length - pendingAt);
          System.arraycopy(pending, pendingAt, b, off, n);
          pendingAt += n;
          return n;
        }
        fill(len);
        if (pendingAt < pending.length) {
          continue;
        }
        try {
          Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("logs: follow interrupted");
        }
      }
      return -1;
    }

    private void fill(int max) throws IOException {
      Path first = LogRotator.rotated(live, 1);
      Object key = fileKey(first);
      if (key != null && !key.equals(rotatedKey)) {
        // rotated since the last look: the rest of what we were reading is in f.1
        rotatedKey = key;
        pending = readFrom(first, pos, Integer.MAX_VALUE);
        pendingAt = 0;
        pos = 0;
        return;
      }
      byte[] got = readFrom(live, pos, Math.max(max, BLOCK));
      pos += got.length;
      pending = got;
      pendingAt = 0;
    }

    private static byte[] readFrom(Path f, long from, int max) throws IOException {
      try (SeekableByteChannel ch = Files.newByteChannel(f)) {
        long size = ch.size();
        if (size <= from) {
          return new byte[0];
        }
        return readAt(ch, from, (int) Math.min(max, size - from));
      } catch (NoSuchFileException e) {
        return new byte[0];
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
