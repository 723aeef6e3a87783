package io.disponent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kubeconfig files merged as kubectl merges $KUBECONFIG, and the context chosen as with --context. */
class KubeconfigSelectionTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Named kubeconfigs: a context per cluster, each with the namespace named after it. */
  private static final String DEV = """
      clusters: [{name: dev, cluster: {server: 'http://dev:1'}}, {name: shared, cluster: {server: 'http://from-dev:2'}}]
      contexts:
      - {name: dev, context: {cluster: dev, namespace: dev-ns}}
      - {name: shared, context: {cluster: shared}}
      current-context: dev
      """;
  private static final String PROD = """
      clusters: [{name: prod, cluster: {server: 'http://prod:3'}}, {name: shared, cluster: {server: 'http://from-prod:4'}}]
      contexts:
      - {name: prod, context: {cluster: prod, namespace: prod-ns}}
      - {name: shared, context: {cluster: shared, namespace: ignored}}
      - {name: dangling, context: {cluster: nowhere}}
      current-context: prod
      """;
  private static final String NO_CURRENT = """
      clusters: [{name: solo, cluster: {server: 'http://solo:5'}}]
      contexts: [{name: solo, context: {cluster: solo}}]
      """;

  @ParameterizedTest(name = "files {0}, --context {1} -> {2} {3}")
  @CsvSource(nullValues = "null", value = {
      "DEV, null, http://dev:1, dev-ns",
      "DEV, shared, http://from-dev:2, default",
      // the first file that sets current-context wins, whichever file defines the context
      "DEV:PROD, null, http://dev:1, dev-ns",
      "PROD:DEV, null, http://prod:3, prod-ns",
      "NO_CURRENT:PROD, null, http://prod:3, prod-ns",
      // a name both files define: the first file's entry wins (cluster and context alike)
      "DEV:PROD, shared, http://from-dev:2, default",
      "PROD:DEV, shared, http://from-prod:4, ignored",
      // --context reaches into any file of the list
      "DEV:PROD, prod, http://prod:3, prod-ns",
      "DEV:NO_CURRENT, solo, http://solo:5, default"})
  void mergesAndSelects(String files, String context, String server, String namespace) {
    ApiTarget t = ApiTarget.select(KubeconfigMerge.merge(configs(files)), context, files);

    assertThat(t).isEqualTo(new ApiTarget(server, namespace));
  }

  @ParameterizedTest(name = "files {0}, --context {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "NO_CURRENT, null, 'no --server, no --context and no current-context in NO_CURRENT'",
      "DEV, prod, 'context \"prod\" not found in DEV'",
      "PROD, dangling, 'context \"dangling\" names cluster \"nowhere\", which has no server in PROD'"})
  void refuses(String files, String context, String message) {
    assertThatThrownBy(() -> ApiTarget.select(KubeconfigMerge.merge(configs(files)), context, files))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void filesFromTheFlagTheEnvironmentOrTheDefault(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a"), DEV);
    Path b = Files.writeString(dir.resolve("b"), PROD);
    Path missing = dir.resolve("missing");

    assertThat(ApiTarget.files(missing.toString(), a + ":" + b, dir)).containsExactly(missing);
    assertThat(ApiTarget.files(null, a + "::" + missing + ":" + b + ":" + a, dir)).containsExactly(a, b);
    assertThat(ApiTarget.files(null, null, dir)).containsExactly(dir.resolve(".disponent/kubeconfig"));
    assertThat(ApiTarget.files(null, "", dir)).containsExactly(dir.resolve(".disponent/kubeconfig"));
    assertThatThrownBy(() -> ApiTarget.files(null, missing.toString(), dir))
        .hasMessageContaining("none of the KUBECONFIG files exists");
  }

  @Test
  void resolvesFromTheKubeconfigFlagAndTheContextFlag(@TempDir Path dir) throws IOException {
    TargetOptions options = new TargetOptions();
    options.kubeconfig = Files.writeString(dir.resolve("c"), DEV + "\n").toString();
    options.context = "shared";
    assertThat(ApiTarget.resolve(options, null)).isEqualTo(new ApiTarget("http://from-dev:2", "default"));
    assertThat(ApiTarget.resolve(options, "mine")).isEqualTo(new ApiTarget("http://from-dev:2", "mine"));

    options.server = "http://direct:9/";
    assertThat(ApiTarget.resolve(options, null)).isEqualTo(new ApiTarget("http://direct:9", "default"));
  }

  private static List<JsonNode> configs(String names) {
    return Arrays.stream(names.split(":")).map(n -> switch (n) {
      case "DEV" -> read(DEV);
      case "PROD" -> read(PROD);
      case "NO_CURRENT" -> read(NO_CURRENT);
      default -> throw new IllegalArgumentException(n);
    }).toList();
  }

  private static JsonNode read(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
