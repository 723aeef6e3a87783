package io.disponent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which API server a user command talks to, and its default namespace: {@code --server}, else the
 * current context of {@code $KUBECONFIG} (its first file), else of {@code ~/.disponent/kubeconfig}
 * (what {@code disponent up} writes).
 */
record ApiTarget(String server, String namespace) {

  static ApiTarget resolve(String server, String namespace) throws IOException {
    ApiTarget fromConfig = server != null ? new ApiTarget(server, "default") : fromKubeconfig();
    String url = fromConfig.server().endsWith("/")
        ? fromConfig.server().substring(0, fromConfig.server().length() - 1) : fromConfig.server();
    return new ApiTarget(url, namespace != null ? namespace : fromConfig.namespace());
  }

  private static ApiTarget fromKubeconfig() throws IOException {
    String env = System.getenv("KUBECONFIG");
    Path file = env != null && !env.isBlank() ? Path.of(env.split(java.io.File.pathSeparator)[0])
        : Path.of(System.getProperty("user.home"), ".disponent", "kubeconfig");
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no --server and no kubeconfig at " + file);
    }
    JsonNode kc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    String ctxName = kc.path("current-context").asText();
    JsonNode ctx = null;
    for (JsonNode c : kc.path("contexts")) {
      if (c.path("name").asText().equals(ctxName)) {
        ctx = c.path("context");
      }
    }
    String clusterName = ctx == null ? null : ctx.path("cluster").asText();
    for (JsonNode c : kc.path("clusters")) {
      if (clusterName == null || c.path("name").asText().equals(clusterName)) {
        String ns = ctx == null ? "default" : ctx.path("namespace").asText("default");
        return new ApiTarget(c.path("cluster").path("server").asText(), ns.isEmpty() ? "default" : ns);
      }
    }
    throw new IllegalArgumentException("the kubeconfig " + file + " names no cluster");
  }
}
