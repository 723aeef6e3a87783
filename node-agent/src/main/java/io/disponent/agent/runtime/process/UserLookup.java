package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.UnixUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Looks users up through the name service ({@code getent passwd}, {@code id -G}), so that LDAP or
 * sssd accounts work like {@code /etc/passwd} ones.
 */
final class UserLookup {
  private UserLookup() {}

  /** The account of a user name or numeric uid; empty when there is none. */
  static Optional<UnixUser> find(String user) {
    Optional<String> entry = run(List.of("getent", "passwd", user));
    if (entry.isEmpty() || entry.get().isBlank()) {
      return Optional.empty();
    }
    String line = entry.get().lines().findFirst().orElseThrow();
    String name = line.substring(0, Math.max(0, line.indexOf(':')));
    String groups = run(List.of("id", "-G", name)).orElse("");
    return Optional.of(UnixUser.parse(line, groups));
  }

  /** The agent's effective uid (the owner of {@code /proc/self}). */
  static long agentUid() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException e) {
      throw new UncheckedIOException("runtime: cannot read the agent's uid", e);
    }
  }

  /** The command's stdout when it exits 0, else empty. */
  private static Optional<String> run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("runtime: " + String.join(" ", cmd) + " did not answer in 10 s");
      }
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("runtime: cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("runtime: interrupted", e);
    }
  }
}
