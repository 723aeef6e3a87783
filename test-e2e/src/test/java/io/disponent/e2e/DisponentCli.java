package io.disponent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the {@code disponent} CLI, with the same java command line as {@link DisponentProcess}. */
final class DisponentCli {

  private DisponentCli() {}

  /**
   * Runs {@code disponent args} with {@code KUBECONFIG=kubeconfig} and {@code HOME=home}, its output in
   * {@code home/run.out} and {@code run.err}; kills it (by its handle) and fails when it takes over {@code timeout}.
   */
  static Kubectl.Result run(Path kubeconfig, Path home, String run, Duration timeout, String... args) {
    Path out = home.resolve(run + ".out");
    Path err = home.resolve(run + ".err");
    try {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
          DisponentProcess.classpath(DisponentProcess.root()), "io.disponent.cli.Main"));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.environment().put("KUBECONFIG", kubeconfig.toString());
      pb.environment().put("HOME", home.toString());
      Process p = pb.start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw new AssertionError("disponent " + String.join(" ", args) + " did not finish in " + timeout
            + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
      }
      return new Kubectl.Result(List.of(args), p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
