package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** SIGTERM stops {@code disponent up} cleanly; {@code up} on the same data dir has every object. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartE2E {

  private Path work;
  private DisponentProcess server;

  @BeforeAll
  void assumptions() {
    DisponentProcess.assumeRunnable();
    work = DisponentProcess.workDir(getClass());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void objectsSurviveASigtermAndARestart() {
    Path data = work.resolve("data");
    server = DisponentProcess.start(data, "--api-only");
    int port = server.port();
    int storePort = server.storePort();
    Kubectl kubectl = new Kubectl(server.kubeconfig(), work.resolve("home"));

    assertThat(run(kubectl, "create", "namespace", "kept").out()).isEqualTo("namespace/kept created\n");
    assertThat(kubectl.stdin(ServerPerClass.service("survivor", "app: kept", 3), "apply", "-n", "kept", "-f", "-")
        .out()).isEqualTo("service.disponent.io/survivor created\n");
    run(kubectl, "label", "dsvc", "survivor", "-n", "kept", "restart=before");
    String before = run(kubectl, "get", "dsvc", "survivor", "-n", "kept", "-o",
        "jsonpath={.metadata.uid} {.metadata.resourceVersion} {.spec.instances} {.metadata.labels.restart}").out();

    int exit = server.stop();
    assertThat(server.process().isAlive()).isFalse();
    assertThat(exit).as("exit on SIGTERM after a clean stop").isZero();
    assertThat(server.log()).contains("stopping");

    server = DisponentProcess.start(data, port, storePort, "--api-only");
    String after = run(kubectl, "get", "dsvc", "survivor", "-n", "kept", "-o",
        "jsonpath={.metadata.uid} {.metadata.resourceVersion} {.spec.instances} {.metadata.labels.restart}").out();
    assertThat(after).isEqualTo(before).endsWith(" 3 before");
    assertThat(run(kubectl, "get", "ns", "kept", "-o", "jsonpath={.status.phase}").out()).isEqualTo("Active");

    // and the restarted server keeps writing after the old revisions
    assertThat(run(kubectl, "scale", "dsvc", "survivor", "-n", "kept", "--replicas=4").out())
        .isEqualTo("service.disponent.io/survivor scaled\n");
    String rv = run(kubectl, "get", "dsvc", "survivor", "-n", "kept", "-o", "jsonpath={.metadata.resourceVersion}")
        .out();
    assertThat(Long.parseLong(rv)).isGreaterThan(Long.parseLong(before.split(" ")[1]));
  }

  private static Kubectl.Result run(Kubectl kubectl, String... args) {
    Kubectl.Result r = kubectl.run(args);
    assertThat(r.exit()).as("%s", r).isZero();
    return r;
  }
}
