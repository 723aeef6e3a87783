package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the README's first five minutes, as written: {@code up} (one node, its own agent), apply the first
 * manifest, wait until the Service is Available, find the tasks' ports, GET one, read a task's log.
 */
class FirstFiveMinutesE2E extends ClusterPerClass {
  private static final Pattern TASK_ROW = Pattern.compile("(?m)^(hello-web-\\S+)\\s+(\\S+)\\s+\\S+\\s+(\\d+)\\s");

  @Override
  int agentCount() {
    return 0;
  }

  @Override
  List<String> upArguments() {
    return List.of(); // the local agent too, as `bin/disponent up`
  }

  @Test
  void theReadmeCommandsWorkOnOneNode() {
    List<String> readme = readmeCommands();
    assertThat(readme).containsExactly(
        "bin/disponent up",
        "export KUBECONFIG=~/.disponent/kubeconfig",
        "kubectl apply -f manifests/hello-web.yaml",
        "kubectl wait --for=condition=Available dsvc/hello-web --timeout=120s",
        "kubectl get tasks.disponent.io -l app=hello-web -o wide",
        "curl http://127.0.0.1:PORT/",
        "bin/disponent logs TASK --stderr --tail 5");
    assertThat(server.log()).contains("export KUBECONFIG=" + server.kubeconfig());

    assertThat(ok(args(readme.get(2)))).isEqualTo("service.disponent.io/hello-web created\n");
    assertThat(ok(args(readme.get(3)))).isEqualTo("service.disponent.io/hello-web condition met\n");

    String wide = ok(args(readme.get(4)));
    assertThat(wide.lines().findFirst().orElseThrow()).containsPattern("NAME\\s+STATE\\s+NODE\\s+PORTS");
    List<String[]> rows = new ArrayList<>();
    Matcher m = TASK_ROW.matcher(wide);
    while (m.find()) {
      rows.add(new String[] {m.group(1), m.group(2), m.group(3)});
    }
    assertThat(rows).as(wide).hasSize(3).allSatisfy(r -> assertThat(r[1]).isEqualTo("RUNNING"));
    tasks("app=hello-web"); // remembers the pids for the cleanup
    for (String[] r : rows) {
      assertThat(httpGet(Integer.parseInt(r[2]), "/")).as("curl of %s's port %s", r[0], r[2]).isEqualTo(200);
    }

    String task = rows.get(0)[0];
    String[] logs = args(readme.get(6).replace("TASK", task));
    // the health checks (every 2 s) write access lines to stderr
    await("access lines in the log").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      Kubectl.Result r = disponent(Duration.ofSeconds(60), logs);
      return r.exit() == 0 && r.out().contains("\"GET / HTTP/1.1\" 200");
    });
  }

  /** The spread manifest on one node: one instance runs, the others wait STAGING and the Service says why. */
  @Test
  void theSpreadManifestOnOneNodeSaysWhyItWaits() {
    assertThat(apply(manifest("manifests/hello-web-spread.yaml"))).isEqualTo("service.disponent.io/hello-web created\n");
    String noFit = "0/1 nodes fit: 1 constraint hostname:UNIQUE";
    await("Stalled=True with the placement message").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        condition(get("dsvc", "hello-web"), "Stalled").filter(c -> c.path("status").asText().equals("True")
            && c.path("reason").asText().equals("Unschedulable")
            && c.path("message").asText().equals("2 of 3 instances cannot be placed: " + noFit)).isPresent());

    List<com.fasterxml.jackson.databind.JsonNode> unbound = live("hello-web").stream().filter(t -> node(t).isEmpty())
        .toList();
    assertThat(unbound).hasSize(2).allSatisfy(t -> {
      assertThat(state(t)).isEqualTo("STAGING");
      assertThat(condition(t, "Scheduled").orElseThrow().path("message").asText()).isEqualTo(noFit);
    });
    String table = ok("get", "tasks.disponent.io", "-l", "app=hello-web");
    assertThat(table).containsPattern(name(unbound.get(0)) + "\\s+STAGING\\s");
  }

  /** The first code block under "## The first five minutes", one command a line, comments dropped. */
  private static List<String> readmeCommands() {
    String readme = manifest("README.md");
    int section = readme.indexOf("## The first five minutes");
    assertThat(section).as("README section").isNotNegative();
    int start = readme.indexOf("```\n", section) + 4;
    int end = readme.indexOf("```", start);
    return readme.substring(start, end).lines().map(l -> l.replaceAll("\\s+#.*$", "").trim())
        .filter(l -> !l.isEmpty()).toList();
  }

  /** A command line's arguments, without the program; manifest paths made absolute. */
  private static String[] args(String commandLine) {
    String[] w = commandLine.split(" ");
    String[] out = java.util.Arrays.copyOfRange(w, 1, w.length);
    for (int i = 0; i < out.length; i++) {
      if (out[i].startsWith("manifests/")) {
        out[i] = DisponentProcess.root().resolve(out[i]).toString();
      }
    }
    return out;
  }
}
