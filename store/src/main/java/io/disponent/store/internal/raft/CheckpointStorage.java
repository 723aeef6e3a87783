package io.disponent.store.internal.raft;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.util.FileUtils;

/**
 * Snapshots as RocksDB checkpoint directories, {@code <sm>/snapshot.<term>_<index>/}, inside Ratis's
 * state machine directory.
 *
 * <p>A follower that installs a snapshot gets the leader's files under the same relative paths,
 * and Ratis then <em>replaces the whole directory</em>; that is why the live database lives
 * elsewhere and is rebuilt from the newest checkpoint in {@code reinitialize()}.
 */
final class CheckpointStorage implements StateMachineStorage {
  private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  private static final int RETAINED = 2;

  private volatile File dir;
  private volatile FileListSnapshotInfo latest;

  @Override
  public void init(RaftStorage raftStorage) throws IOException {
    dir = raftStorage.getStorageDir().getStateMachineDir();
    Files.createDirectories(dir.toPath());
    latest = scan();
  }

  @Override
  public File getSnapshotDir() {
    return dir;
  }

  /** Where a checkpoint of {@code ti} goes; it is published by {@link #published}. */
  Path pathFor(TermIndex ti) {
    return dir.toPath().resolve("snapshot." + ti.getTerm() + "_" + ti.getIndex());
  }

  void published() throws IOException {
    latest = scan();
    cleanupOldSnapshots(null);
  }

  /** Re-reads the directory: after Ratis installed a snapshot into it. */
  void reload() {
    latest = scan();
  }

  @Override
  public SnapshotInfo getLatestSnapshot() {
    return latest;
  }

  Optional<Path> latestDir() {
    FileListSnapshotInfo s = latest;
    return s == null ? Optional.empty() : Optional.of(pathFor(s.getTermIndex()));
  }

  @Override
  public void format() {}

  @Override
  public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
    List<Path> all = snapshotDirs();
    for (int i = 0; i < all.size() - RETAINED; i++) {
      FileUtils.deleteFully(all.get(i));
    }
  }

  private List<Path> snapshotDirs() {
    try (Stream<Path> s = Files.list(dir.toPath())) {
      return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
          .sorted(Comparator.comparing(CheckpointStorage::termIndexOf))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TermIndex termIndexOf(Path p) {
    Matcher m = NAME.matcher(p.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a snapshot: " + p);
    }
    return TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  private FileListSnapshotInfo scan() {
    List<Path> all = snapshotDirs();
    if (all.isEmpty()) {
      return null;
    }
    Path newest = all.get(all.size() - 1);
    try (Stream<Path> files = Files.walk(newest)) {
      List<FileInfo> infos = files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".md5"))
          .sorted()
          .map(p -> new FileInfo(p.toAbsolutePath(), null))
          .toList();
      return new FileListSnapshotInfo(infos, termIndexOf(newest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
