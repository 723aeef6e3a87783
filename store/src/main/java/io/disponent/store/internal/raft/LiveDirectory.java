package io.disponent.store.internal.raft;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ratis.util.FileUtils;

/** Rebuilds the live RocksDB directory from a checkpoint. */
final class LiveDirectory {
  private LiveDirectory() {}

  /**
   * Replaces {@code live} with the checkpoint's files. Table files never change once written, so
   * they are hard-linked; the manifest, options and logs are copied because RocksDB appends to them.
   */
  static void restore(Path checkpoint, Path live) throws IOException {
    Path tmp = live.resolveSibling(live.getFileName() + ".restoring");
    if (Files.exists(tmp)) {
      FileUtils.deleteFully(tmp);
    }
    Files.createDirectories(tmp);
    List<Path> files;
    try (Stream<Path> s = Files.list(checkpoint)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md5")).toList();
    }
    for (Path f : files) {
      Path target = tmp.resolve(f.getFileName().toString());
      if (f.getFileName().toString().endsWith(".sst")) {
        try {
          Files.createLink(target, f);
          continue;
        } catch (FileSystemException | UnsupportedOperationException e) {
          // another file system: fall back to a copy
        }
      }
      Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
    if (Files.exists(live)) {
      FileUtils.deleteFully(live);
    }
    Files.move(tmp, live, StandardCopyOption.ATOMIC_MOVE);
  }
}
