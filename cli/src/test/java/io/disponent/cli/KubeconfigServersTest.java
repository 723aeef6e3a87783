package io.disponent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every member's URL, from what a member writes into its kubeconfig and from {@code --server a,b}. */
class KubeconfigServersTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String N1 = "http://127.0.0.1:7081";
  private static final String N2 = "http://127.0.0.1:7082";
  private static final String N3 = "http://127.0.0.1:7083";

  @Test
  void aMembersKubeconfigPointsAtItAndListsEveryMember() throws IOException {
    JsonNode config = YAML.readTree(Kubeconfig.render(N2, List.of(N2, N1, N3)));
    assertThat(config.at("/clusters/0/cluster/server").asText()).as("what kubectl uses").isEqualTo(N2);
    assertThat(config.at("/clusters/0/cluster/extensions/0/name").asText()).isEqualTo(ApiTarget.SERVERS_EXTENSION);
    assertThat(ApiTarget.select(KubeconfigMerge.merge(List.of(config)), null, "test"))
        .isEqualTo(new ApiTarget(List.of(N2, N1, N3), "default"));
  }

  @Test
  void theServerComesFirstAndListedDuplicatesOnce() throws IOException {
    JsonNode config = YAML.readTree("""
        clusters:
        - name: c
          cluster:
            server: %s
            extensions:
            - {name: other.example.com, extension: {servers: ['http://elsewhere:1']}}
            - {name: %s, extension: {servers: ['%s', '%s', '%s']}}
        contexts: [{name: c, context: {cluster: c, namespace: ns}}]
        current-context: c
        """.formatted(N3, ApiTarget.SERVERS_EXTENSION, N1, N3, N2));
    assertThat(ApiTarget.select(config, null, "test")).isEqualTo(new ApiTarget(List.of(N3, N1, N2), "ns"));
  }

  @Test
  void oneMemberWritesNoExtension() throws IOException {
    JsonNode config = YAML.readTree(Kubeconfig.render(N1, List.of(N1)));
    assertThat(config.at("/clusters/0/cluster").has("extensions")).isFalse();
    assertThat(ApiTarget.select(config, null, "test")).isEqualTo(new ApiTarget(N1, "default"));
  }

  @Test
  void serverFlagTakesACommaSeparatedList(@TempDir Path dir) throws IOException {
    TargetOptions options = new TargetOptions();
    options.kubeconfig = Files.writeString(dir.resolve("c"), Kubeconfig.render(N1, List.of(N1, N2))).toString();
    assertThat(ApiTarget.resolve(options, null).servers()).containsExactly(N1, N2);
    options.server = N2 + "/, " + N3 + ",";
    assertThat(ApiTarget.resolve(options, "x")).isEqualTo(new ApiTarget(List.of(N2, N3), "x"));
    assertThat(ApiTarget.resolve(options, "x").clientConfig().servers()).extracting(Object::toString)
        .containsExactly(N2, N3);
  }
}
