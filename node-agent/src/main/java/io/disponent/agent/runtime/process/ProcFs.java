package io.disponent.agent.runtime.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads of {@code /proc}: process start times (to tell a pid from a reused one) and sessions. */
final class ProcFs {
  private static final Path PROC = Path.of("/proc");

  private ProcFs() {}

  /** Field 22 of {@code /proc/<pid>/stat} (clock ticks after boot), empty if there is no such process. */
  static OptionalLong startTime(long pid) {
    return statField(pid, 22);
  }

  /** Whether the pid is alive and not a zombie, and started at {@code startTime}. */
  static boolean alive(long pid, long startTime) {
    String[] f = stat(pid);
    return f != null && !"Z".equals(f[0]) && Long.parseLong(f[22 - 3]) == startTime;
  }

  /** Whether the pid exists and is not a zombie. */
  static boolean live(long pid) {
    String[] f = stat(pid);
    return f != null && !"Z".equals(f[0]);
  }

  /** The live (non-zombie) processes whose session id is {@code sid}. */
  static List<Long> sessionMembers(long sid) {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
      for (Path dir : dirs) {
        long pid = Long.parseLong(dir.getFileName().toString());
        String[] f = stat(pid);
        if (f != null && !"Z".equals(f[0]) && Long.parseLong(f[6 - 3]) == sid) {
          members.add(pid);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("runtime: cannot list /proc", e);
    }
    return members;
  }

  private static OptionalLong statField(long pid, int field) {
    String[] f = stat(pid);
    return f == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[field - 3]));
  }

  /** Fields 3.. of {@code /proc/<pid>/stat} (after the parenthesised command name), or null. */
  private static String[] stat(long pid) {
    String s;
    try {
      s = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
    } catch (IOException e) {
      return null;
    }
    int close = s.lastIndexOf(')');
    return s.substring(close + 2).trim().split(" ");
  }
}
