package io.disponent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.disponent.client.ClientConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which API servers (control-plane members, in the order to try them) a user command talks to, and its default
 * namespace, chosen as kubectl chooses: {@code --server URL[,URL...]} if given; else the context ({@code --context},
 * else the current one) of the kubeconfig, whose cluster's {@code server} comes first and the members listed in
 * its {@value #SERVERS_EXTENSION} extension next (kubectl reads the {@code server} only):
 * {@code --kubeconfig FILE}, else the files of {@code $KUBECONFIG} (colon-separated, merged by
 * {@link KubeconfigMerge}; missing ones skipped), else {@code ~/.disponent/kubeconfig} (what
 * {@code disponent up} writes).
 */
record ApiTarget(List<String> servers, String namespace) {
  static final String DEFAULT_NAMESPACE = "default";
  /** The name of the cluster extension that lists every member's API URL ({@code extension: {servers: [...]}}). */
  static final String SERVERS_EXTENSION = "servers.disponent.io";

  ApiTarget {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no API server URL");
    }
  }

  ApiTarget(String server, String namespace) {
    this(List.of(server), namespace);
  }

  /** The member tried first. */
  String server() {
    return servers.get(0);
  }

  /** A client of every member, failing over in this order. */
  ClientConfig clientConfig() {
    return ClientConfig.defaults(servers.toArray(String[]::new));
  }

  static ApiTarget resolve(TargetOptions options, String namespace) throws IOException {
    ApiTarget found = options.server != null ? new ApiTarget(List.of(options.server.split(",")), DEFAULT_NAMESPACE)
        : fromKubeconfig(files(options.kubeconfig, System.getenv("KUBECONFIG"),
            Path.of(System.getProperty("user.home"))), options.context);
    List<String> urls = found.servers().stream().map(String::trim).filter(u -> !u.isEmpty())
        .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).distinct().toList();
    return new ApiTarget(urls, namespace != null ? namespace : found.namespace());
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
    List<String> servers = new ArrayList<>(List.of(server));
    JsonNode listed = named(cluster.path("cluster"), "extensions", SERVERS_EXTENSION);
    if (listed != null) {
      for (JsonNode url : listed.path("extension").path("servers")) {
        if (!url.asText("").isEmpty() && !servers.contains(url.asText())) {
          servers.add(url.asText());
        }
      }
    }
    String ns = ctx.path("context").path("namespace").asText("");
    return new ApiTarget(servers, ns.isEmpty() ? DEFAULT_NAMESPACE : ns);
  }

  private static JsonNode named(JsonNode parent, String list, String name) {
    for (JsonNode e : parent.path(list)) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
