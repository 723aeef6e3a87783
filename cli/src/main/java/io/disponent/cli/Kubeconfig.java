package io.disponent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the kubeconfig that points kubectl at a local server. */
final class Kubeconfig {

  private Kubeconfig() {}

  static String render(String serverUrl) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: disponent
          cluster:
            server: %s
        users:
        - name: disponent-admin
          user: {}
        contexts:
        - name: disponent
          context:
            cluster: disponent
            user: disponent-admin
            namespace: default
        current-context: disponent
        preferences: {}
        """.formatted(serverUrl);
  }

  /** Writes atomically (a reader never sees half a file). */
  static Path write(Path dataDir, String serverUrl) throws IOException {
    Files.createDirectories(dataDir);
    Path target = dataDir.resolve("kubeconfig");
    Path tmp = dataDir.resolve("kubeconfig.tmp");
    Files.writeString(tmp, render(serverUrl));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
