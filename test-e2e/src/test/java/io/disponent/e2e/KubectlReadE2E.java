package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery, every {@code get} output, describe, explain, events and {@code get -w}. */
class KubectlReadE2E extends ServerPerClass {

  @BeforeAll
  void objects() {
    assertThat(ok("create", "namespace", "team-r")).isEqualTo("namespace/team-r created\n");
    assertThat(okStdin(service("web", "app: x, tier: front", 2) + "---\n" + service("api", "app: api", 1),
        "apply", "-f", "-"))
        .isEqualTo("service.disponent.io/web created\nservice.disponent.io/api created\n");
    assertThat(okStdin(service("batch", "app: x", 3), "apply", "-n", "team-r", "-f", "-"))
        .isEqualTo("service.disponent.io/batch created\n");
  }

  @Test
  void apiVersionsListsEveryGroupVersion() {
    assertThat(ok("api-versions").lines())
        .containsExactlyInAnyOrder("apiextensions.k8s.io/v1", "authentication.k8s.io/v1", "authorization.k8s.io/v1",
            "coordination.k8s.io/v1", "disponent.io/v1", "events.k8s.io/v1", "v1");
  }

  @Test
  void apiResourcesShowsShortNamesScopeAndKinds() {
    String out = ok("api-resources");
    assertThat(out.lines().findFirst().orElseThrow())
        .matches("NAME\\s+SHORTNAMES\\s+APIVERSION\\s+NAMESPACED\\s+KIND");
    assertThat(out).containsPattern("(?m)^services\\s+dsvc\\s+disponent\\.io/v1\\s+true\\s+Service$")
        .containsPattern("(?m)^tasks\\s+dtask\\s+disponent\\.io/v1\\s+true\\s+Task$")
        .containsPattern("(?m)^nodes\\s+dnode\\s+disponent\\.io/v1\\s+false\\s+Node$")
        .containsPattern("(?m)^packages\\s+\\S+\\s+disponent\\.io/v1\\s+true\\s+Package$")
        .containsPattern("(?m)^repositories\\s+\\S+\\s+disponent\\.io/v1\\s+false\\s+Repository$")
        .containsPattern("(?m)^namespaces\\s+ns\\s+v1\\s+false\\s+Namespace$")
        .containsPattern("(?m)^events\\s+ev\\s+v1\\s+true\\s+Event$")
        .containsPattern("(?m)^leases\\s+coordination\\.k8s\\.io/v1\\s+true\\s+Lease$")
        .containsPattern("(?m)^customresourcedefinitions\\s+crd,crds\\s+apiextensions\\.k8s\\.io/v1\\s+false\\s+"
            + "CustomResourceDefinition$");
    // no core services/nodes that would capture the bare names
    assertThat(out).doesNotContainPattern("(?m)^(services|nodes)\\s+\\S*\\s*v1\\s");
    assertThat(ok("api-resources", "--api-group=disponent.io", "-o", "name").lines())
        .containsExactlyInAnyOrder("nodes.disponent.io", "packages.disponent.io", "repositories.disponent.io",
            "services.disponent.io", "tasks.disponent.io");
  }

  @Test
  void getPrintsTheCrdPrinterColumns() {
    String out = ok("get", "dsvc");
    assertThat(out.lines().toList()).hasSize(3);
    assertThat(out.lines().findFirst().orElseThrow()).matches("NAME\\s+INSTANCES\\s+RUNNING\\s+HEALTHY\\s+AGE");
    assertThat(out).containsPattern("(?m)^api\\s+1\\s+\\d+s$").containsPattern("(?m)^web\\s+2\\s+\\d+s$");
    // the bare plural resolves to disponent.io, and -o wide shows the same columns (none has priority 1)
    assertThat(ok("get", "services", "-o", "wide").lines().findFirst().orElseThrow())
        .matches("NAME\\s+INSTANCES\\s+RUNNING\\s+HEALTHY\\s+AGE");
  }

  @Test
  void getYamlShowsDefaultsAndMetadata() {
    String out = ok("get", "services.disponent.io", "web", "-o", "yaml");
    assertThat(out).startsWith("apiVersion: disponent.io/v1\n").contains("kind: Service\n", "  name: web\n",
        "  namespace: default\n", "  instances: 2\n", "killSelection: YoungestFirst", "  generation: 1\n",
        "kubectl.kubernetes.io/last-applied-configuration")
        .containsPattern("  uid: [0-9a-f-]{36}\n").containsPattern("  resourceVersion: \"\\d+\"\n");
  }

  @Test
  void getJsonIsAListOrAnObject() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode one = json.readTree(ok("get", "dsvc", "web", "-o", "json"));
    assertThat(one.path("kind").asText()).isEqualTo("Service");
    assertThat(one.at("/spec/instances").asInt()).isEqualTo(2);
    assertThat(one.at("/metadata/labels/tier").asText()).isEqualTo("front");
    JsonNode list = json.readTree(ok("get", "dsvc", "-o", "json"));
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items").findValuesAsText("name")).contains("api", "web");
  }

  @Test
  void getNameAndJsonpath() {
    assertThat(ok("get", "dsvc", "-o", "name")).isEqualTo("service.disponent.io/api\nservice.disponent.io/web\n");
    assertThat(ok("get", "dsvc", "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.instances} {end}"))
        .isEqualTo("api=1 web=2 ");
    assertThat(ok("get", "dsvc", "web", "-o", "jsonpath={.metadata.labels.app}")).isEqualTo("x");
  }

  @Test
  void getWithLabelSelector() {
    assertThat(ok("get", "dsvc", "-l", "app=x", "-o", "name")).isEqualTo("service.disponent.io/web\n");
    assertThat(ok("get", "dsvc", "-l", "app in (x,api),tier!=front", "-o", "name"))
        .isEqualTo("service.disponent.io/api\n");
    Kubectl.Result none = kubectl.run("get", "dsvc", "-l", "app=nope");
    assertThat(none.exit()).as("%s", none).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).isEqualTo("No resources found in default namespace.\n");
    Kubectl.Result bad = kubectl.run("get", "dsvc", "-l", "app==(");
    assertThat(bad.exit()).as("%s", bad).isNotZero();
  }

  @Test
  void getAllNamespacesAddsTheNamespaceColumn() {
    String out = ok("get", "dsvc", "-A");
    assertThat(out.lines().findFirst().orElseThrow())
        .matches("NAMESPACE\\s+NAME\\s+INSTANCES\\s+RUNNING\\s+HEALTHY\\s+AGE");
    assertThat(out).containsPattern("(?m)^default\\s+api\\s+1\\s")
        .containsPattern("(?m)^default\\s+web\\s+2\\s").containsPattern("(?m)^team-r\\s+batch\\s+3\\s");
    assertThat(ok("get", "dsvc", "-n", "team-r", "-o", "name")).isEqualTo("service.disponent.io/batch\n");
  }

  @Test
  void getShowLabels() {
    String out = ok("get", "dsvc", "--show-labels");
    assertThat(out.lines().findFirst().orElseThrow()).endsWith("LABELS");
    assertThat(out).containsPattern("(?m)^web\\s+2\\s.*\\sapp=x,tier=front$")
        .containsPattern("(?m)^api\\s+1\\s.*\\sapp=api$");
  }

  @Test
  void getMissingObjectIsNotFound() {
    Kubectl.Result r = kubectl.run("get", "dsvc", "nothere");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error from server (NotFound): services.disponent.io \"nothere\" not found\n");
  }

  @Test
  void describeShowsSpecAndEvents() {
    String uid = ok("get", "dsvc", "api", "-o", "jsonpath={.metadata.uid}");
    assertThat(okStdin("""
        apiVersion: v1
        kind: Event
        metadata:
          name: api.e2e1
          namespace: default
        involvedObject:
          apiVersion: disponent.io/v1
          kind: Service
          name: api
          namespace: default
          uid: %s
        reason: Scaled
        message: scaled to 1 instance by the e2e test
        type: Normal
        source: {component: e2e}
        firstTimestamp: "2026-01-01T00:00:00Z"
        lastTimestamp: "2026-01-01T00:00:00Z"
        count: 1
        """.formatted(uid), "create", "-f", "-")).isEqualTo("event/api.e2e1 created\n");

    String events = ok("get", "events");
    assertThat(events.lines().findFirst().orElseThrow()).matches("(NAME\\s+)?LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE");
    assertThat(events).containsPattern("(?m)^(api\\.e2e1\\s+)?\\S+\\s+Normal\\s+Scaled\\s+api\\s+scaled to 1 instance by the e2e test$");

    String out = ok("describe", "dsvc", "api");
    assertThat(out).containsPattern("(?m)^Name:\\s+api$").containsPattern("(?m)^Namespace:\\s+default$")
        .containsPattern("(?m)^Labels:\\s+app=api$").containsPattern("(?m)^Kind:\\s+Service$")
        .containsPattern("(?m)^\\s+Instances:\\s+1$").containsPattern("(?m)^\\s+sleep$")
        .containsPattern("(?m)^Events:$")
        .containsPattern("(?m)^\\s+Normal\\s+Scaled\\s+.*scaled to 1 instance by the e2e test$");
  }

  @Test
  void explainANestedFieldOfService() {
    String out = ok("explain", "services.disponent.io.spec.template.spec.command");
    assertThat(out).contains("GROUP:      disponent.io", "KIND:       Service", "VERSION:    v1",
        "FIELD: command <[]string>", "executed directly (no shell)");
    String spec = ok("explain", "dsvc.spec");
    assertThat(spec).containsPattern("(?m)^\\s+instances\\s+<integer>$")
        .containsPattern("(?m)^\\s+template\\s+<Object> -required-$");
  }

  @Test
  void getWatchPrintsAChange() throws Exception {
    Path output = work.resolve("watch.out");
    Process watch = kubectl.start(output, "get", "dsvc", "api", "-w");
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(output).contains("api"));
      assertThat(Files.readString(output).lines().findFirst().orElseThrow())
          .matches("NAME\\s+INSTANCES\\s+RUNNING\\s+HEALTHY\\s+AGE");
      ok("scale", "dsvc", "api", "--replicas=4");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> Files.readString(output).lines().anyMatch(l -> l.matches("api\\s+4\\s+\\d+s")));
      assertThat(watch.isAlive()).as("get -w keeps the stream open").isTrue();
    } finally {
      watch.destroy();
      if (!watch.waitFor(10, TimeUnit.SECONDS)) {
        watch.destroyForcibly();
      }
      ok("scale", "dsvc", "api", "--replicas=1");
    }
  }
}
