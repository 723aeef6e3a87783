package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A new CustomResourceDefinition is served at once, and deleting it removes the kind. */
class CrdE2E extends ServerPerClass {

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        group: example.com
        scope: Namespaced
        names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget, shortNames: [wd]}
        versions:
        - name: v1
          served: true
          storage: true
          additionalPrinterColumns:
          - {name: Size, type: integer, jsonPath: .spec.size}
          - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    size: {type: integer, minimum: 1, description: How big the widget is.}
      """;

  private static String widget(String name, int size) {
    return "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: %s\nspec:\n  size: %d\n".formatted(name, size);
  }

  @Test
  void applyCrdThenObjectsGetThemAndDeleteTheCrd() {
    assertThat(okStdin(CRD, "apply", "-f", "-"))
        .isEqualTo("customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n");
    // at once: no sleep between the CRD and its first object
    assertThat(okStdin(widget("w1", 3) + "---\n" + widget("w2", 5), "apply", "-f", "-"))
        .isEqualTo("widget.example.com/w1 created\nwidget.example.com/w2 created\n");

    String table = ok("get", "widgets");
    assertThat(table.lines().findFirst().orElseThrow()).matches("NAME\\s+SIZE\\s+AGE");
    assertThat(table).containsPattern("(?m)^w1\\s+3\\s+\\d+s$").containsPattern("(?m)^w2\\s+5\\s+\\d+s$");
    assertThat(ok("get", "wd", "w2", "-o", "jsonpath={.spec.size}")).isEqualTo("5");
    assertThat(ok("get", "widgets.example.com", "-o", "name"))
        .isEqualTo("widget.example.com/w1\nwidget.example.com/w2\n");
    assertThat(ok("api-resources", "--api-group=example.com"))
        .containsPattern("(?m)^widgets\\s+wd\\s+example\\.com/v1\\s+true\\s+Widget$");
    assertThat(ok("explain", "widget.spec.size")).contains("FIELD: size <integer>", "How big the widget is.");
    assertThat(ok("get", "crd")).containsPattern("(?m)^widgets\\.example\\.com\\s")
        .containsPattern("(?m)^services\\.disponent\\.io\\s");

    Kubectl.Result invalid = kubectl.stdin(widget("w3", 0), "apply", "-f", "-");
    assertThat(invalid.exit()).as("%s", invalid).isEqualTo(1);
    assertThat(invalid.err()).contains("The Widget \"w3\" is invalid", "spec.size");

    assertThat(ok("delete", "crd", "widgets.example.com"))
        .isEqualTo("customresourcedefinition.apiextensions.k8s.io \"widgets.example.com\" deleted\n");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      Kubectl.Result gone = kubectl.run("get", "widgets.example.com");
      assertThat(gone.exit()).as("%s", gone).isEqualTo(1);
      assertThat(gone.err()).contains("the server doesn't have a resource type")
          .as("%s", gone);
    });
    assertThat(ok("api-resources")).doesNotContain("widgets");
    assertThat(ok("get", "crd", "-o", "name")).doesNotContain("widgets");
  }
}
