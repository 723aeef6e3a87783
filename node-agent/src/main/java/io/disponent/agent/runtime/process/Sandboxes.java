package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.UnixUser;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** File operations on a sandbox as a whole. */
final class Sandboxes {
  private Sandboxes() {}

  /**
   * Gives the sandbox, its files (links themselves, never their targets) and the {@code stdout} and
   * {@code stderr} logs (created if missing) to {@code user}; the state directory stays the agent's,
   * so the task cannot forge its own status.
   */
  static void chown(Path sandbox, UnixUser user) throws IOException {
    for (String log : new String[] {"stdout", "stderr"}) {
      if (!Files.exists(sandbox.resolve(log))) {
        Files.createFile(sandbox.resolve(log));
      }
    }
    Path state = sandbox.resolve(SandboxLayout.STATE_DIR);
    Files.walkFileTree(sandbox, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (dir.equals(state)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        give(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        give(file);
        return FileVisitResult.CONTINUE;
      }

      private void give(Path p) throws IOException {
        Files.setAttribute(p, "unix:uid", (int) user.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", (int) user.gid(), LinkOption.NOFOLLOW_LINKS);
      }
    });
  }

  /** Deletes the sandbox and everything in it; links are deleted, never followed. */
  static void delete(Path sandbox) throws IOException {
    if (!Files.exists(sandbox, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(sandbox, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
