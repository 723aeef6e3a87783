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
}
