package io.disponent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which API server a user command talks to, and its default namespace, chosen as kubectl chooses:
 * {@code --server} if given; else the context ({@code --context}, else the current one) of the kubeconfig:
 * {@code --kubeconfig FILE}, else the files of {@code $KUBECONFIG} (colon-separated, merged by
 * {@link KubeconfigMerge}; missing ones skipped), else {@code ~/.disponent/kubeconfig} (what
 * {@code disponent up} writes).
 */
record ApiTarget(String server, String namespace) {
  static final String DEFAULT_NAMESPACE = "default";

  static ApiTarget resolve(TargetOptions options, String namespace) throws IOException {
    ApiTarget found = options.server != null ? new ApiTarget(options.server, DEFAULT_NAMESPACE)
        : fromKubeconfig(files(options.kubeconfig, System.getenv("KUBECONFIG"),
            Path.of(System.getProperty("user.home"))), options.context);
    String url = found.server().endsWith("/") ? found.server().substring(0, found.server().length() - 1)
        : found.server();
    return new ApiTarget(url, namespace != null ? namespace : found.namespace());
  }

  /** The kubeconfig files to read, in order: the flag's, else the existing ones of {@code env}, else the default. */
  static List<Path> files(String flag, String env, Path home) {
    if (flag != null && !flag.isEmpty()) {
      return List.of(Path.of(flag));
    }
    if (env != null && !env.isBlank()) {
      List<Path> out = new ArrayList<>();
      for (String f : env.split(File.pathSeparator)) {
        if (!f.isEmpty() && !out.contains(Path.of(f)) && Files.exists(Path.of(f))) {
          out.add(Path.of(f));
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("no --server and none of the KUBECONFIG files exists: " + env);
      }
      return out;
    }
    return List.of(home.resolve(".disponent").resolve("kubeconfig"));
  }

  private static ApiTarget fromKubeconfig(List<Path> files, String context) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> configs = new ArrayList<>();
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new IllegalArgumentException("no --server and no kubeconfig at " + f);
      }
      JsonNode c = yaml.readTree(f.toFile());
      configs.add(c == null ? yaml.createObjectNode() : c);
    }
    return select(KubeconfigMerge.merge(configs), context, files.toString());
  }

  /** The server and namespace of {@code context} (null: the current context) in a merged kubeconfig. */
  static ApiTarget select(JsonNode config, String context, String source) {
    String name = context != null ? context : config.path("current-context").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("no --server, no --context and no current-context in " + source);
    }
    JsonNode ctx = named(config, "contexts", name);
    if (ctx == null) {
      throw new IllegalArgumentException("context \"" + name + "\" not found in " + source);
    }
    String clusterName = ctx.path("context").path("cluster").asText("");
    JsonNode cluster = named(config, "clusters", clusterName);
    String server = cluster == null ? "" : cluster.path("cluster").path("server").asText("");
    if (server.isEmpty()) {
      throw new IllegalArgumentException("context \"" + name + "\" names cluster \"" + clusterName
          + "\", which has no server in " + source);
    }
    String ns = ctx.path("context").path("namespace").asText("");
    return new ApiTarget(server, ns.isEmpty() ? DEFAULT_NAMESPACE : ns);
  }

  private static JsonNode named(JsonNode config, String list, String name) {
    for (JsonNode e : config.path(list)) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
