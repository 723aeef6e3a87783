package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real kubectl against one server: KUBECONFIG is the server's kubeconfig, HOME (and so
 * kubectl's discovery cache and the dispatcher's version choice) is private to the test class.
 * Output goes to files, so a chatty command cannot block on a full pipe.
 */
final class Kubectl {

  static final long TIMEOUT_SECONDS = 60;

  private final Path kubeconfig;
  private final Path home;
  private final AtomicInteger calls = new AtomicInteger();

  Kubectl(Path kubeconfig, Path home) {
    this.kubeconfig = kubeconfig;
    this.home = home;
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of one kubectl run. */
  record Result(List<String> args, int exit, String out, String err) {
    /** Asserts exit 0; returns stdout. */
    String ok() {
      assertThat(exit).as("%s", this).isZero();
      return out;
    }

    @Override
    public String toString() {
      return "kubectl " + String.join(" ", args) + " -> exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Path home() {
    return home;
  }

  Result run(String... args) {
    return run(Map.of(), null, args);
  }

  /** Runs with {@code stdin} as standard input (for {@code -f -}). */
  Result stdin(String stdin, String... args) {
    return run(Map.of(), stdin, args);
  }

  Result run(Map<String, String> env, String stdin, String... args) {
    int n = calls.incrementAndGet();
    Path out = home.resolve("run-" + n + ".out");
    Path err = home.resolve("run-" + n + ".err");
    try {
      ProcessBuilder pb = builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin == null) {
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      } else {
        Path in = home.resolve("run-" + n + ".in");
        Files.writeString(in, stdin);
        pb.redirectInput(in.toFile());
      }
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS
            + " s\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
      }
      return new Result(List.of(args), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts kubectl in the background (e.g. {@code get -w}); the caller stops it by the handle. */
  Process start(Path output, String... args) {
    try {
      return builder(Map.of(), args).redirectErrorStream(true).redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder builder(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(DisponentProcess.kubectlBinary().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("KUBE"));
    e.put("KUBECONFIG", kubeconfig.toString());
    e.put("HOME", home.toString());
    e.put("NO_PROXY", "127.0.0.1,localhost");
    e.remove("HTTP_PROXY");
    e.remove("HTTPS_PROXY");
    e.remove("http_proxy");
    e.remove("https_proxy");
    e.putAll(env);
    return pb;
  }

  /** Writes a file under this kubectl's home (manifests, editor scripts). */
  Path write(String name, String content) {
    try {
      Path f = home.resolve(name);
      Files.writeString(f, content);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
