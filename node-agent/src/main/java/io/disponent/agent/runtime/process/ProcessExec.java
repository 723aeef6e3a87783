package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.ExecResult;
import io.disponent.agent.runtime.UnixUser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command next to a host-process task: in its sandbox, with its environment, as its user (through
 * {@link RunAs}); killed with its children after the timeout. Output goes to a temporary file, so a
 * chatty command never blocks on a full pipe.
 */
final class ProcessExec {
  /** How much of a command's output is kept. */
  static final int OUTPUT_LIMIT = 4096;

  private ProcessExec() {}

  static ExecResult run(Path sandbox, Map<String, String> env, UnixUser user, List<String> argv, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("disponent-exec", ".out");
    try {
      ProcessBuilder pb = new ProcessBuilder(user == null ? argv : RunAs.command(user, argv)).directory(sandbox.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(out.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return ExecResult.timedOut(head(out));
      }
      return new ExecResult(p.exitValue(), false, head(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String head(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      return new String(in.readNBytes(OUTPUT_LIMIT), StandardCharsets.UTF_8);
    }
  }
}
