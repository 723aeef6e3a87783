package io.disponent.controllers.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.crds.model.EnvVar;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.model.TaskTemplate;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateHashTest {
  static TaskTemplate t(List<String> cmd, Map<String, String> labels) {
    return new TaskTemplate(new ObjectMetaBuilder().withLabels(labels).build(),
        new TaskSpec(cmd, null, null, List.of(new EnvVar("A", "1")), null, null, null, null, null, null, null, null));
  }

  @Test
  void stableAcrossMapOrderAndSensitiveToContent() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");

    String h = TemplateHash.of(t(List.of("run"), ab));

    assertThat(h).hasSize(10).matches("[0-9a-f]+");
    assertThat(TemplateHash.of(t(List.of("run"), ba))).isEqualTo(h);
    assertThat(TemplateHash.of(t(List.of("run", "-v"), ab))).isNotEqualTo(h);
    assertThat(TemplateHash.of(t(List.of("run"), Map.of("a", "1")))).isNotEqualTo(h);
    assertThat(TemplateHash.of(null)).isEqualTo(TemplateHash.of(new TaskTemplate(null, null)));
    assertThat(TemplateHash.canonicalJson(t(List.of("run"), ba))).contains("\"a\":\"1\",\"b\":\"2\"");
  }
}
