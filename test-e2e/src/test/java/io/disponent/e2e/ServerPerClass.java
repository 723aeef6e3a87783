package io.disponent.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One {@code disponent up --api-only} and one kubectl home per test class, in target/e2e/{Class}-*: these
 * classes test the API as kubectl sees it, so no controller may rewrite what they write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerPerClass {

  Path work;
  DisponentProcess server;
  Kubectl kubectl;

  @BeforeAll
  void startServer() {
    DisponentProcess.assumeRunnable();
    work = DisponentProcess.workDir(getClass());
    server = DisponentProcess.start(work.resolve("data"), "--api-only");
    kubectl = new Kubectl(server.kubeconfig(), work.resolve("home"));
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** Runs kubectl and asserts exit 0; returns stdout. */
  String ok(String... args) {
    return kubectl.run(args).ok();
  }

  /** Runs kubectl with stdin and asserts exit 0; returns stdout. */
  String okStdin(String stdin, String... args) {
    return kubectl.stdin(stdin, args).ok();
  }

  /** A Service manifest in the shape of the example. */
  static String service(String name, String labels, int instances) {
    return """
        apiVersion: disponent.io/v1
        kind: Service
        metadata:
          name: %s
          labels: {%s}
        spec:
          instances: %d
          template:
            spec:
              command: ["sleep", "3600"]
        """.formatted(name, labels, instances);
  }
}
