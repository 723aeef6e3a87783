package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every writing kubectl command against services.disponent.io, with its output and exit code. */
class KubectlWriteE2E extends ServerPerClass {

  private String jsonpath(String object, String path) {
    return ok("get", "dsvc", object, "-o", "jsonpath={" + path + "}");
  }

  @Test
  void clientSideApplyCreatesLeavesAndConfigures() {
    assertThat(okStdin(service("csa", "app: csa", 2), "apply", "-f", "-")).isEqualTo("service.disponent.io/csa created\n");
    assertThat(okStdin(service("csa", "app: csa", 2), "apply", "-f", "-"))
        .isEqualTo("service.disponent.io/csa unchanged\n");
    assertThat(okStdin(service("csa", "app: csa", 3), "apply", "-f", "-"))
        .isEqualTo("service.disponent.io/csa configured\n");
    assertThat(jsonpath("csa", ".spec.instances")).isEqualTo("3");
    assertThat(jsonpath("csa", ".metadata.generation")).isEqualTo("2");
    Kubectl.Result invalid = kubectl.stdin(service("csa", "app: csa", -1), "apply", "-f", "-");
    assertThat(invalid.exit()).as("%s", invalid).isEqualTo(1);
    assertThat(invalid.err()).contains("The Service \"csa\" is invalid", "spec.instances");
  }

  @Test
  void reapplyingAManifestThatLeavesADefaultOutIsANoOp() {
    String manifest = service("defaulted", "app: defaulted", 1) + "      ports: [{name: http}]\n";
    assertThat(okStdin(manifest, "apply", "-f", "-")).isEqualTo("service.disponent.io/defaulted created\n");
    assertThat(jsonpath("defaulted", ".spec.template.spec.ports[0].protocol")).isEqualTo("TCP");
    String rv = jsonpath("defaulted", ".metadata.resourceVersion");
    // kubectl sends the list again (a JSON merge patch replaces lists, and the live one has the default), so it
    // prints "configured" as it does against Kubernetes; the server finds nothing changed and writes nothing
    okStdin(manifest, "apply", "-f", "-");
    Kubectl.Result diff = kubectl.stdin(manifest, "diff", "-f", "-");
    assertThat(diff.exit()).as("%s", diff).isZero();
    assertThat(jsonpath("defaulted", ".metadata.resourceVersion")).as("nothing was written").isEqualTo(rv);

    // the first server-side apply takes the fields over (managedFields change); the second writes nothing
    okStdin(manifest, "apply", "--server-side", "--force-conflicts", "-f", "-");
    String owned = jsonpath("defaulted", ".metadata.resourceVersion");
    assertThat(okStdin(manifest, "apply", "--server-side", "-f", "-"))
        .isEqualTo("service.disponent.io/defaulted serverside-applied\n");
    assertThat(jsonpath("defaulted", ".metadata.resourceVersion")).isEqualTo(owned);
    assertThat(jsonpath("defaulted", ".metadata.generation")).isEqualTo("1");
  }

  @Test
  void serverSideApplyConflictsThenForces() {
    String manifest = service("ssa", "app: ssa", 1);
    assertThat(okStdin(manifest, "apply", "--server-side", "-f", "-"))
        .isEqualTo("service.disponent.io/ssa serverside-applied\n");
    assertThat(ok("patch", "dsvc", "ssa", "--type=merge", "-p", "{\"spec\":{\"instances\":3}}"))
        .isEqualTo("service.disponent.io/ssa patched\n");

    Kubectl.Result conflict = kubectl.stdin(manifest, "apply", "--server-side", "-f", "-");
    assertThat(conflict.exit()).as("%s", conflict).isNotZero();
    assertThat(conflict.err()).contains("Apply failed with 1 conflict", "conflict with \"kubectl-patch\"",
        ".spec.instances", "--force-conflicts");
    assertThat(jsonpath("ssa", ".spec.instances")).isEqualTo("3");

    assertThat(okStdin(manifest, "apply", "--server-side", "--force-conflicts", "-f", "-"))
        .isEqualTo("service.disponent.io/ssa serverside-applied\n");
    assertThat(jsonpath("ssa", ".spec.instances")).isEqualTo("1");
    assertThat(ok("get", "dsvc", "ssa", "--show-managed-fields", "-o",
        "jsonpath={range .metadata.managedFields[*]}{.manager}:{.operation} {end}"))
        .contains("kubectl:Apply");
  }

  @Test
  void applyPruneDeletesWhatLeftTheFile() {
    String both = service("prune-a", "app: pruned", 1) + "---\n" + service("prune-b", "app: pruned", 1);
    assertThat(okStdin(both, "apply", "-f", "-"))
        .isEqualTo("service.disponent.io/prune-a created\nservice.disponent.io/prune-b created\n");
    assertThat(okStdin(service("prune-a", "app: pruned", 1), "apply", "-f", "-", "--prune", "-l", "app=pruned",
        "--prune-allowlist=disponent.io/v1/Service"))
        .isEqualTo("service.disponent.io/prune-a unchanged\nservice.disponent.io/prune-b pruned\n");
    assertThat(ok("get", "dsvc", "-l", "app=pruned", "-o", "name")).isEqualTo("service.disponent.io/prune-a\n");
  }

  @Test
  void diffExitsZeroWhenSameOneWhenDifferentAndPersistsNothing() {
    okStdin(service("diffed", "app: diffed", 2), "apply", "-f", "-");
    String rv = jsonpath("diffed", ".metadata.resourceVersion");

    Kubectl.Result same = kubectl.stdin(service("diffed", "app: diffed", 2), "diff", "-f", "-");
    assertThat(same.exit()).as("%s", same).isZero();
    assertThat(same.out()).isEmpty();

    Kubectl.Result different = kubectl.stdin(service("diffed", "app: diffed", 5), "diff", "-f", "-");
    assertThat(different.exit()).as("%s", different).isEqualTo(1);
    assertThat(different.out()).contains("disponent.io.v1.Service.default.diffed")
        .containsPattern("(?m)^-  instances: 2$").containsPattern("(?m)^\\+  instances: 5$");

    Kubectl.Result created = kubectl.stdin(service("diffed-new", "app: diffed", 1), "diff", "-f", "-");
    assertThat(created.exit()).as("%s", created).isEqualTo(1);
    assertThat(created.out()).containsPattern("(?m)^\\+  name: diffed-new$");

    assertThat(jsonpath("diffed", ".spec.instances")).isEqualTo("2");
    assertThat(jsonpath("diffed", ".metadata.resourceVersion")).isEqualTo(rv);
    Kubectl.Result absent = kubectl.run("get", "dsvc", "diffed-new");
    assertThat(absent.exit()).as("dry-run create persisted nothing: %s", absent).isEqualTo(1);
  }

  @Test
  void editWithAScriptedEditor() throws Exception {
    okStdin(service("edited", "app: edited", 2), "apply", "-f", "-");
    Path editor = kubectl.write("editor.sh", "#!/bin/sh\nsed -i 's/^  instances: 2$/  instances: 7/' \"$1\"\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
    Kubectl.Result r = kubectl.run(Map.of("KUBE_EDITOR", editor.toString()), null, "edit", "dsvc", "edited");
    assertThat(r.exit()).as("%s", r).isZero();
    assertThat(r.out()).isEqualTo("service.disponent.io/edited edited\n");
    assertThat(jsonpath("edited", ".spec.instances")).isEqualTo("7");

    Kubectl.Result unchanged = kubectl.run(Map.of("KUBE_EDITOR", "true"), null, "edit", "dsvc", "edited");
    assertThat(unchanged.exit()).as("%s", unchanged).isZero();
    assertThat(unchanged.err()).contains("Edit cancelled, no changes made.");
  }

  @Test
  void scaleLabelAndAnnotate() {
    okStdin(service("scaled", "app: scaled", 1), "apply", "-f", "-");
    assertThat(ok("scale", "dsvc", "scaled", "--replicas=5")).isEqualTo("service.disponent.io/scaled scaled\n");
    assertThat(jsonpath("scaled", ".spec.instances")).isEqualTo("5");
    // --current-replicas: GET then PUT of the autoscaling/v1 Scale
    assertThat(ok("scale", "dsvc", "scaled", "--current-replicas=5", "--replicas=6"))
        .isEqualTo("service.disponent.io/scaled scaled\n");
    Kubectl.Result stale = kubectl.run("scale", "dsvc", "scaled", "--current-replicas=5", "--replicas=9");
    assertThat(stale.exit()).as("%s", stale).isNotZero();
    assertThat(jsonpath("scaled", ".spec.instances")).isEqualTo("6");

    assertThat(ok("label", "dsvc", "scaled", "tier=back")).isEqualTo("service.disponent.io/scaled labeled\n");
    Kubectl.Result clash = kubectl.run("label", "dsvc", "scaled", "tier=front");
    assertThat(clash.exit()).as("%s", clash).isNotZero();
    assertThat(clash.err()).contains("'tier' already has a value (back), and --overwrite is false");
    assertThat(ok("label", "dsvc", "scaled", "tier=front", "--overwrite"))
        .isEqualTo("service.disponent.io/scaled labeled\n");
    assertThat(ok("get", "dsvc", "-l", "tier=front", "-o", "name")).isEqualTo("service.disponent.io/scaled\n");
    assertThat(ok("label", "dsvc", "scaled", "tier-")).isEqualTo("service.disponent.io/scaled unlabeled\n");
    assertThat(jsonpath("scaled", ".metadata.labels")).isEqualTo("{\"app\":\"scaled\"}");

    assertThat(ok("annotate", "dsvc", "scaled", "owner=team-e2e"))
        .isEqualTo("service.disponent.io/scaled annotated\n");
    assertThat(jsonpath("scaled", ".metadata.annotations.owner")).isEqualTo("team-e2e");
  }

  @Test
  void patchMergeJsonAndStrategicIsRefused() {
    okStdin(service("patched", "app: patched", 1), "apply", "-f", "-");
    assertThat(ok("patch", "dsvc", "patched", "--type=merge", "-p", "{\"spec\":{\"instances\":2}}"))
        .isEqualTo("service.disponent.io/patched patched\n");
    assertThat(ok("patch", "dsvc", "patched", "--type=json", "-p",
        "[{\"op\":\"replace\",\"path\":\"/spec/instances\",\"value\":3},"
            + "{\"op\":\"add\",\"path\":\"/metadata/labels/patched\",\"value\":\"yes\"}]"))
        .isEqualTo("service.disponent.io/patched patched\n");
    assertThat(jsonpath("patched", ".spec.instances")).isEqualTo("3");
    assertThat(jsonpath("patched", ".metadata.labels.patched")).isEqualTo("yes");
    assertThat(ok("patch", "dsvc", "patched", "--type=merge", "-p", "{\"spec\":{\"instances\":3}}"))
        .isEqualTo("service.disponent.io/patched patched (no change)\n");

    Kubectl.Result strategic = kubectl.run("patch", "dsvc", "patched", "-p", "{\"spec\":{\"instances\":4}}");
    assertThat(strategic.exit()).as("%s", strategic).isEqualTo(1);
    assertThat(strategic.err()).contains("application/strategic-merge-patch+json is not supported");
    Kubectl.Result failedTest = kubectl.run("patch", "dsvc", "patched", "--type=json", "-p",
        "[{\"op\":\"test\",\"path\":\"/spec/instances\",\"value\":99}]");
    assertThat(failedTest.exit()).as("%s", failedTest).isEqualTo(1);
    assertThat(jsonpath("patched", ".spec.instances")).isEqualTo("3");
  }

  @Test
  void replaceAndAStaleResourceVersionConflicts() {
    okStdin(service("replaced", "app: replaced", 1), "apply", "-f", "-");
    String live = ok("get", "dsvc", "replaced", "-o", "yaml");
    String changed = live.replace("  instances: 1\n", "  instances: 4\n");
    assertThat(changed).isNotEqualTo(live).contains("resourceVersion:");
    ok("label", "dsvc", "replaced", "bumped=yes");

    Kubectl.Result stale = kubectl.stdin(changed, "replace", "-f", "-");
    assertThat(stale.exit()).as("%s", stale).isEqualTo(1);
    assertThat(stale.err()).contains("Error from server (Conflict)",
        "Operation cannot be fulfilled on services.disponent.io \"replaced\"", "the object has been modified");
    assertThat(jsonpath("replaced", ".spec.instances")).isEqualTo("1");

    String fresh = ok("get", "dsvc", "replaced", "-o", "yaml").replace("  instances: 1\n", "  instances: 4\n");
    assertThat(okStdin(fresh, "replace", "-f", "-")).isEqualTo("service.disponent.io/replaced replaced\n");
    assertThat(jsonpath("replaced", ".spec.instances")).isEqualTo("4");
  }

  @Test
  void deleteAndWaitForDelete() {
    okStdin(service("deleted", "app: deleted", 1), "apply", "-f", "-");
    assertThat(ok("delete", "dsvc", "deleted")).isEqualTo("service.disponent.io \"deleted\" deleted\n");
    Kubectl.Result gone = kubectl.run("get", "dsvc", "deleted");
    assertThat(gone.exit()).isEqualTo(1);
    assertThat(gone.err()).contains("(NotFound)");
    Kubectl.Result again = kubectl.run("delete", "dsvc", "deleted");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("Error from server (NotFound): services.disponent.io \"deleted\" not found\n");
    assertThat(kubectl.run("wait", "--for=delete", "dsvc/deleted", "--timeout=5s").exit()).isZero();
  }

  @Test
  void deleteWithAFinalizerWaitsForItsRemoval() throws Exception {
    okStdin(service("held", "app: held", 1), "apply", "-f", "-");
    ok("patch", "dsvc", "held", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":[\"e2e.disponent.io/hold\"]}}");
    assertThat(ok("delete", "dsvc", "held", "--wait=false")).isEqualTo("service.disponent.io \"held\" deleted\n");
    assertThat(jsonpath("held", ".metadata.deletionTimestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    Kubectl.Result timedOut = kubectl.run("wait", "--for=delete", "dsvc/held", "--timeout=1s");
    assertThat(timedOut.exit()).as("%s", timedOut).isEqualTo(1);
    assertThat(timedOut.err()).contains("timed out waiting for the condition");

    Path output = work.resolve("wait-delete.out");
    Process wait = kubectl.start(output, "wait", "--for=delete", "dsvc/held", "--timeout=30s");
    try {
      DisponentProcess.sleep(500);
      assertThat(wait.isAlive()).as("wait returns only once the finalizer is gone").isTrue();
      assertThat(ok("patch", "dsvc", "held", "--type=json", "-p",
          "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]"))
          .isEqualTo("service.disponent.io/held patched\n");
      assertThat(wait.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(wait.exitValue()).as(Files.readString(output)).isZero();
      assertThat(Files.readString(output)).isEqualTo("service.disponent.io/held condition met\n");
    } finally {
      wait.destroyForcibly();
    }
    assertThat(kubectl.run("get", "dsvc", "held").exit()).isEqualTo(1);
  }

  @Test
  void waitForAConditionSetThroughTheStatusSubresource() throws Exception {
    okStdin(service("ready", "app: ready", 1), "apply", "-f", "-");
    ok("patch", "dsvc", "ready", "--type=merge", "-p", "{\"spec\":{\"instances\":2}}");
    String generation = jsonpath("ready", ".metadata.generation");
    assertThat(generation).isEqualTo("2");

    Kubectl.Result notYet = kubectl.run("wait", "--for=condition=Available", "dsvc/ready", "--timeout=1s");
    assertThat(notYet.exit()).as("%s", notYet).isEqualTo(1);

    Path output = work.resolve("wait-condition.out");
    Process wait = kubectl.start(output, "wait", "--for=condition=Available", "dsvc/ready", "--timeout=30s");
    try {
      String status = """
          {"status":{"observedGeneration":%s,"conditions":[{"type":"Available","status":"True",\
          "observedGeneration":%s,"lastTransitionTime":"2026-01-01T00:00:00Z","reason":"E2E","message":"set by the test"}]}}"""
          .formatted(generation, generation);
      assertThat(ok("patch", "dsvc", "ready", "--subresource=status", "--type=merge", "-p", status))
          .isEqualTo("service.disponent.io/ready patched\n");
      assertThat(wait.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(wait.exitValue()).as(Files.readString(output)).isZero();
      assertThat(Files.readString(output)).isEqualTo("service.disponent.io/ready condition met\n");
    } finally {
      wait.destroyForcibly();
    }
    // the status subresource leaves spec and generation alone
    assertThat(jsonpath("ready", ".metadata.generation")).isEqualTo(generation);
    assertThat(ok("wait", "--for=condition=Available=True", "dsvc/ready", "--timeout=5s"))
        .isEqualTo("service.disponent.io/ready condition met\n");
  }

  @Test
  void createNamespaceAndUseIt() {
    assertThat(ok("create", "namespace", "team-w")).isEqualTo("namespace/team-w created\n");
    Kubectl.Result twice = kubectl.run("create", "namespace", "team-w");
    assertThat(twice.exit()).isEqualTo(1);
    assertThat(twice.err()).contains("(AlreadyExists)", "\"team-w\" already exists");
    assertThat(ok("get", "namespace", "team-w", "-o", "jsonpath={.status.phase}")).isEqualTo("Active");
    assertThat(ok("get", "ns")).containsPattern("(?m)^team-w\\s+Active\\s+\\d+s$")
        .containsPattern("(?m)^default\\s+Active\\s");
    assertThat(okStdin(service("in-team", "app: team", 1), "apply", "-n", "team-w", "-f", "-"))
        .isEqualTo("service.disponent.io/in-team created\n");
    assertThat(ok("get", "dsvc", "-n", "team-w", "-o", "name")).isEqualTo("service.disponent.io/in-team\n");
    // applying a Namespace manifest sends a strategic merge patch the second time
    String ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-w2\n  labels: {team: w}\n";
    assertThat(okStdin(ns, "apply", "-f", "-")).isEqualTo("namespace/team-w2 created\n");
    assertThat(okStdin(ns.replace("team: w", "team: w2"), "apply", "-f", "-"))
        .isEqualTo("namespace/team-w2 configured\n");
    assertThat(ok("delete", "namespace", "team-w2")).isEqualTo("namespace \"team-w2\" deleted\n");
    await().atMost(Duration.ofSeconds(20)).until(() -> kubectl.run("get", "ns", "team-w2").exit() == 1);
  }
}
