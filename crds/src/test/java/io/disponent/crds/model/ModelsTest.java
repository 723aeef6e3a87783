package io.disponent.crds.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class ModelsTest {

  @Test
  void readsTheHelloWebServiceAndWritesItBack() throws Exception {
    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree("""
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: hello-web, namespace: default, labels: {app: hello-web}}
        spec:
          instances: 3
          template:
            metadata: {labels: {app: hello-web}}
            spec:
              command: ["python3", "-m", "http.server", "$(PORT_HTTP)"]
              resources: {cpus: "100m", memory: 67108864}
              ports: [{name: http}]
              healthChecks: [{type: HTTP, portName: http, path: /}]
          constraints: [{field: hostname, operator: UNIQUE}]
          futureField: ignored
        """);
    Service s = Models.read(yaml, Service.class);
    assertThat(s.metadata().getName()).isEqualTo("hello-web");
    assertThat(s.spec().instances()).isEqualTo(3);
    assertThat(s.spec().template().spec().ports()).extracting(PortSpec::name).containsExactly("http");
    assertThat(Quantities.bytes(s.spec().template().spec().resources().memory(), 0)).isEqualTo(64L << 20);
    assertThat(s.spec().constraints().get(0).operator()).isEqualTo("UNIQUE");
    JsonNode back = Models.tree(s);
    assertThat(back.at("/spec/template/spec/healthChecks/0/type").asText()).isEqualTo("HTTP");
    assertThat(back.at("/spec").has("upgradeStrategy")).as("absent fields stay absent").isFalse();
  }
}
