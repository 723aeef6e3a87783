package io.disponent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the kubeconfig that points kubectl at a local server. With more than one member, the cluster entry also
 * lists every member's URL in the {@value ApiTarget#SERVERS_EXTENSION} extension, which the {@code disponent} CLI
 * reads to fail over and kubectl ignores (it has no failover and uses {@code server} alone).
 */
final class Kubeconfig {

  private Kubeconfig() {}

  /** {@code serverUrl} is this member's; {@code members} every member's, this one included. */
  static String render(String serverUrl, List<String> members) {
    String extension = members.size() < 2 ? "" : """
            extensions:
            - name: %s
              extension:
                servers: [%s]
        """.formatted(ApiTarget.SERVERS_EXTENSION, String.join(", ", members));
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: disponent
          cluster:
            server: %s
        %susers:
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
        """.formatted(serverUrl, extension);
  }

  /** Writes atomically (a reader never sees half a file). */
  static Path write(Path dataDir, String serverUrl) throws IOException {
    return write(dataDir, serverUrl, List.of(serverUrl));
  }

  /** Writes atomically (a reader never sees half a file); {@code members} as in {@link #render(String, List)}. */
  static Path write(Path dataDir, String serverUrl, List<String> members) throws IOException {
    Files.createDirectories(dataDir);
    Path target = dataDir.resolve("kubeconfig");
    Path tmp = dataDir.resolve("kubeconfig.tmp");
    Files.writeString(tmp, render(serverUrl, members));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
