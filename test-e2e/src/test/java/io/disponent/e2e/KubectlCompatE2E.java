package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What controller authors and GitOps tools expect of a Kubernetes API, through the real kubectl. */
class KubectlCompatE2E extends ServerPerClass {

  /** The Kubernetes docs' CronTab CRD, without the names the server defaults (singular, listKind). */
  private static final String CRONTAB_CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: crontabs.stable.example.com
      spec:
        group: stable.example.com
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      cronSpec:
                        type: string
                      image:
                        type: string
                      replicas:
                        type: integer
        scope: Namespaced
        names:
          plural: crontabs
          kind: CronTab
          shortNames:
          - ct
      """;

  private static final String CRONTAB = """
      apiVersion: "stable.example.com/v1"
      kind: CronTab
      metadata:
        name: my-new-cron-object
      spec:
        cronSpec: "* * * * */5"
        image: my-awesome-cron-image
      """;

  @Test
  void docsCronTabCrdIsAcceptedAndItsKindServed() {
    assertThat(okStdin(CRONTAB_CRD, "apply", "-f", "-"))
        .isEqualTo("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n");
    assertThat(ok("wait", "--for=condition=Established", "crd/crontabs.stable.example.com", "--timeout=20s"))
        .contains("condition met");
    assertThat(ok("get", "crd", "crontabs.stable.example.com", "-o",
        "jsonpath={.spec.names.singular} {.spec.names.listKind} {.status.acceptedNames.listKind}"))
        .isEqualTo("crontab CronTabList CronTabList");
    assertThat(okStdin(CRONTAB, "apply", "-f", "-"))
        .isEqualTo("crontab.stable.example.com/my-new-cron-object created\n");
    assertThat(ok("get", "crontab", "-o", "name")).isEqualTo("crontab.stable.example.com/my-new-cron-object\n");
    assertThat(ok("get", "ct", "my-new-cron-object", "-o", "jsonpath={.spec.image}"))
        .isEqualTo("my-awesome-cron-image");
    assertThat(okStdin(CRONTAB_CRD, "apply", "-f", "-"))
        .isEqualTo("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com unchanged\n");
  }

  @Test
  void authCanIListAndWhoami() {
    assertThat(ok("auth", "can-i", "create", "services.disponent.io")).isEqualTo("yes\n");
    assertThat(ok("auth", "can-i", "delete", "tasks.disponent.io", "-n", "kube-system")).isEqualTo("yes\n");
    assertThat(ok("auth", "can-i", "get", "/healthz")).isEqualTo("yes\n");
    String list = ok("auth", "can-i", "--list");
    assertThat(list.lines().findFirst().orElseThrow()).matches("Resources\\s+Non-Resource URLs\\s+Resource Names\\s+Verbs\\s*");
    assertThat(list).containsPattern("(?m)^\\*\\.\\*\\s+\\[\\]\\s+\\[\\]\\s+\\[\\*\\]\\s*$")
        .containsPattern("(?m)^\\s+\\[\\*\\]\\s+\\[\\]\\s+\\[\\*\\]\\s*$");
    String whoami = ok("auth", "whoami");
    assertThat(whoami).containsPattern("(?m)^Username\\s+system:anonymous\\s*$")
        .containsPattern("(?m)^Groups\\s+\\[system:unauthenticated\\]\\s*$");
    assertThat(ok("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}")).isEqualTo("system:anonymous");
    assertThat(ok("api-resources", "--api-group=authorization.k8s.io", "-o", "name"))
        .isEqualTo("selfsubjectaccessreviews.authorization.k8s.io\nselfsubjectrulesreviews.authorization.k8s.io\n");
  }

  @Test
  void eventsV1ShowTheCoreEvents() {
    String event = """
        apiVersion: v1
        kind: Event
        metadata:
          name: core-made
          namespace: default
        involvedObject: {kind: Node, name: node-1}
        reason: Ready
        message: made through core v1
        type: Normal
        lastTimestamp: "2026-12-06T03:00:00Z"
        """;
    assertThat(okStdin(event, "create", "-f", "-")).isEqualTo("event/core-made created\n");
    String table = ok("get", "events.v1.events.k8s.io", "-A");
    assertThat(table.lines().findFirst().orElseThrow())
        .matches("NAMESPACE\\s+NAME\\s+LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE\\s*");
    assertThat(table).containsPattern("(?m)^default\\s+core-made\\s+\\S+\\s+Normal\\s+Ready\\s+node-1\\s+made through core v1\\s*$");
    assertThat(ok("get", "events.v1.events.k8s.io", "core-made", "-o", "jsonpath={.note}/{.regarding.name}"))
        .isEqualTo("made through core v1/node-1");
    String v1 = """
        apiVersion: events.k8s.io/v1
        kind: Event
        metadata:
          name: v1-made
          namespace: default
        eventTime: "2026-12-06T03:00:00.000001Z"
        reportingController: disponent.io/e2e
        reportingInstance: e2e-1
        action: Testing
        reason: Made
        type: Normal
        note: made through events.k8s.io
        regarding: {kind: Node, name: node-2}
        """;
    assertThat(okStdin(v1, "create", "-f", "-")).isEqualTo("event.events.k8s.io/v1-made created\n");
    assertThat(ok("get", "events", "v1-made", "-o", "jsonpath={.message}/{.involvedObject.name}"))
        .isEqualTo("made through events.k8s.io/node-2");
    assertThat(ok("delete", "events.v1.events.k8s.io", "v1-made"))
        .isEqualTo("event.events.k8s.io \"v1-made\" deleted\n");
    assertThat(kubectl.run("get", "events", "v1-made").exit()).isEqualTo(1);
  }
}
