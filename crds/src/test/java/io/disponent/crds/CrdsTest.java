package io.disponent.crds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.SelectableField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrdsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  record Kind(String file, String kind, String plural, String scope) {
    @Override
    public String toString() {
      return kind;
    }
  }

  static Stream<Kind> kinds() {
    return Stream.of(
        new Kind("repositories.disponent.io.yaml", "Repository", "repositories", "Cluster"),
        new Kind("packages.disponent.io.yaml", "Package", "packages", "Namespaced"),
        new Kind("nodes.disponent.io.yaml", "Node", "nodes", "Cluster"),
        new Kind("services.disponent.io.yaml", "Service", "services", "Namespaced"),
        new Kind("tasks.disponent.io.yaml", "Task", "tasks", "Namespaced"));
  }

  @Test
  void resourceNamesAreTheFilesOfTheFolderAndTheKindsExpected() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(Path.of("src/main/resources", Crds.FOLDER))) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(Crds.resourceNames()).containsExactlyInAnyOrderElementsOf(files);
    assertThat(Crds.resourceNames()).containsExactlyInAnyOrderElementsOf(kinds().map(Kind::file).toList());
    assertThat(Crds.all()).extracting(c -> c.getSpec().getNames().getKind())
        .containsExactlyElementsOf(Crds.resourceNames().stream()
            .map(f -> kinds().filter(k -> k.file().equals(f)).findFirst().orElseThrow().kind()).toList());
  }

  @Test
  void openRejectsUnknownNames() {
    assertThatThrownBy(() -> Crds.open("pods.yaml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pods.yaml");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void parsingLosesNothing(Kind k) throws IOException {
    JsonNode raw;
    try (InputStream in = Crds.open(k.file())) {
      raw = YAML.readTree(in);
    }
    JsonNode roundTrip = YAML.valueToTree(Crds.load(k.file()));
    // Numbers compare by value: the model holds minimum/maximum as doubles.
    assertThat(raw.equals((a, b) -> a.isNumber() && b.isNumber()
            ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1, roundTrip))
        .as("a field unknown to apiextensions.k8s.io/v1 (a typo?) in %s:%n%s%nvs%n%s", k.file(), raw, roundTrip)
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void groupVersionScopeAndNames(Kind k) {
    CustomResourceDefinition crd = Crds.load(k.file());
    assertThat(crd.getApiVersion()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.getKind()).isEqualTo("CustomResourceDefinition");
    assertThat(crd.getSpec().getGroup()).isEqualTo("disponent.io");
    assertThat(crd.getMetadata().getName()).isEqualTo(k.plural() + ".disponent.io");
    assertThat(k.file()).isEqualTo(crd.getMetadata().getName() + ".yaml");
    assertThat(crd.getSpec().getScope()).isEqualTo(k.scope());
    var names = crd.getSpec().getNames();
    assertThat(names.getKind()).isEqualTo(k.kind());
    assertThat(names.getListKind()).isEqualTo(k.kind() + "List");
    assertThat(names.getPlural()).isEqualTo(k.plural()).isEqualTo(k.plural().toLowerCase(Locale.ROOT));
    assertThat(names.getSingular()).isEqualTo(k.kind().toLowerCase(Locale.ROOT));
    assertThat(names.getShortNames()).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("d"));
    assertThat(names.getCategories()).contains("disponent");
    assertThat(crd.getSpec().getVersions()).extracting(CustomResourceDefinitionVersion::getName).containsExactly("v1");
    assertThat(crd.getSpec().getVersions()).filteredOn(CustomResourceDefinitionVersion::getStorage).hasSize(1);
    assertThat(crd.getSpec().getVersions()).allSatisfy(v -> assertThat(v.getServed()).isTrue());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void statusSubresourceAndTopLevelFields(Kind k) {
    CustomResourceDefinitionVersion v = version(k);
    assertThat(v.getSubresources()).isNotNull();
    assertThat(v.getSubresources().getStatus()).isNotNull();
    JSONSchemaProps root = v.getSchema().getOpenAPIV3Schema();
    assertThat(root.getType()).isEqualTo("object");
    assertThat(root.getProperties()).containsOnlyKeys("apiVersion", "kind", "metadata", "spec", "status");
    assertThat(root.getProperties().get("metadata").getProperties()).as("metadata is the server's").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void everyPropertyHasADescription(Kind k) {
    List<String> missing = new ArrayList<>();
    JSONSchemaProps root = version(k).getSchema().getOpenAPIV3Schema();
    if (blank(root.getDescription())) {
      missing.add("<root>");
    }
    walk("", root, (path, s) -> {
      if (!isEmpty(s.getProperties())) {
        s.getProperties().forEach((name, p) -> {
          if (blank(p.getDescription())) {
            missing.add(path + "." + name);
          }
        });
      }
    });
    assertThat(missing).as("properties without a description").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void schemaIsStructural(Kind k) {
    List<String> problems = new ArrayList<>();
    walk("", version(k).getSchema().getOpenAPIV3Schema(), (path, s) -> {
      boolean intOrString = Boolean.TRUE.equals(s.getXKubernetesIntOrString());
      boolean branch = path.contains("|");
      if (blank(s.getType()) && !intOrString && !branch) {
        problems.add(path + ": no type");
      }
      if (intOrString && (s.getType() != null || s.getAnyOf() == null || s.getAnyOf().size() != 2)) {
        problems.add(path + ": int-or-string wants no type and anyOf [integer, string]");
      }
      if (!isEmpty(s.getProperties()) && !"object".equals(s.getType())) {
        problems.add(path + ": properties on a non-object");
      }
      if ("array".equals(s.getType()) && (s.getItems() == null || s.getItems().getSchema() == null)) {
        problems.add(path + ": array without items");
      }
      if ("array".equals(s.getType()) && s.getXKubernetesListType() == null) {
        problems.add(path + ": array without x-kubernetes-list-type");
      }
      if ("array".equals(s.getType()) && s.getMaxItems() == null) {
        problems.add(path + ": array without maxItems (CEL cost and request size)");
      }
      if (s.getXKubernetesValidations() != null) {
        s.getXKubernetesValidations().forEach(r -> {
          if (blank(r.getRule()) || blank(r.getMessage())) {
            problems.add(path + ": a validation rule needs a rule and a message");
          }
        });
      }
    });
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void requiredNamesExistingProperties(Kind k) {
    List<String> problems = new ArrayList<>();
    walk("", version(k).getSchema().getOpenAPIV3Schema(), (path, s) -> {
      for (String r : s.getRequired() == null ? List.<String>of() : s.getRequired()) {
        if (isEmpty(s.getProperties()) || !s.getProperties().containsKey(r)) {
          problems.add(path + ": required " + r + " is no property");
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void listMapKeysAreRequiredOrDefaulted(Kind k) {
    List<String> problems = new ArrayList<>();
    walk("", version(k).getSchema().getOpenAPIV3Schema(), (path, s) -> {
      String type = s.getXKubernetesListType();
      if (type != null && !List.of("atomic", "set", "map").contains(type)) {
        problems.add(path + ": list type " + type);
      }
      if (!isEmpty(s.getXKubernetesListMapKeys()) && !"map".equals(type)) {
        problems.add(path + ": list-map keys on a " + type + " list");
      }
      if ("map".equals(type)) {
        JSONSchemaProps item = s.getItems().getSchema();
        if (isEmpty(s.getXKubernetesListMapKeys())) {
          problems.add(path + ": a map list needs keys");
          return;
        }
        for (String key : s.getXKubernetesListMapKeys()) {
          JSONSchemaProps p = isEmpty(item.getProperties()) ? null : item.getProperties().get(key);
          boolean required = item.getRequired() != null && item.getRequired().contains(key);
          if (p == null) {
            problems.add(path + ": key " + key + " is no property of the items");
          } else if (!required && p.getDefault() == null) {
            problems.add(path + ": key " + key + " is neither required nor defaulted");
          }
        }
      }
      if ("set".equals(type) && !List.of("string", "integer", "boolean", "number")
          .contains(s.getItems().getSchema().getType())) {
        problems.add(path + ": a set of non-scalars");
      }
    });
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void defaultsHaveTheDeclaredTypeAndRange(Kind k) {
    List<String> problems = new ArrayList<>();
    int[] defaults = {0};
    walk("", version(k).getSchema().getOpenAPIV3Schema(), (path, s) -> {
      if (s.getDefault() != null) {
        defaults[0]++;
        problems.addAll(conform(path, s, s.getDefault()));
      }
      if (!isEmpty(s.getEnum())) {
        for (JsonNode e : s.getEnum()) {
          problems.addAll(conform(path + " enum", withoutEnum(s), e));
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void printerColumnsPointAtTheSchema(Kind k) {
    CustomResourceDefinitionVersion v = version(k);
    JSONSchemaProps root = v.getSchema().getOpenAPIV3Schema();
    assertThat(v.getAdditionalPrinterColumns()).isNotEmpty();
    assertThat(v.getAdditionalPrinterColumns()).last().extracting(CustomResourceColumnDefinition::getName)
        .isEqualTo("Age");
    for (CustomResourceColumnDefinition c : v.getAdditionalPrinterColumns()) {
      assertThat(c.getPriority()).as(c.getName()).isIn(null, 0, 1);
      assertThat(c.getType()).as(c.getName()).isIn("integer", "number", "string", "boolean", "date");
      if (c.getJsonPath().equals(".metadata.creationTimestamp")) {
        assertThat(c.getType()).isEqualTo("date");
        continue;
      }
      JSONSchemaProps target = resolve(root, c.getJsonPath());
      assertThat(target).as("%s: %s", c.getName(), c.getJsonPath()).isNotNull();
      String t = Boolean.TRUE.equals(target.getXKubernetesIntOrString()) ? "int-or-string" : target.getType();
      switch (c.getType()) {
        case "integer" -> assertThat(t).as(c.getName()).isEqualTo("integer");
        case "number" -> assertThat(t).as(c.getName()).isIn("integer", "number");
        case "boolean" -> assertThat(t).as(c.getName()).isEqualTo("boolean");
        case "date" -> assertThat(target.getFormat()).as(c.getName()).isEqualTo("date-time");
        default -> assertThat(t).as(c.getName()).isIn("string", "int-or-string", "integer");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void selectableFieldsAreScalarsOfTheSchema(Kind k) {
    CustomResourceDefinitionVersion v = version(k);
    List<SelectableField> fields = v.getSelectableFields() == null ? List.of() : v.getSelectableFields();
    for (SelectableField f : fields) {
      JSONSchemaProps target = resolve(v.getSchema().getOpenAPIV3Schema(), f.getJsonPath());
      assertThat(target).as(f.getJsonPath()).isNotNull();
      assertThat(target.getType()).as(f.getJsonPath()).isIn("string", "integer", "boolean");
    }
  }

  @Test
  void everyConditionsListHasTheMetav1Shape() {
    List<JsonNode> shapes = new ArrayList<>();
    Crds.all().forEach(crd -> crd.getSpec().getVersions().forEach(v ->
        walk("", v.getSchema().getOpenAPIV3Schema(), (path, s) -> {
          if (path.endsWith(".conditions")) {
            assertThat(s.getXKubernetesListMapKeys()).as(path).containsExactly("type");
            shapes.add(YAML.valueToTree(s.getItems().getSchema()));
          }
        })));
    assertThat(shapes).hasSize(Crds.resourceNames().size());
    assertThat(shapes.stream().distinct()).hasSize(1);
    assertThat(shapes.get(0).path("required")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("type", "status", "lastTransitionTime", "reason", "message");
  }

  @Test
  void nodePortRangeDefaultsToTheMesosRange() {
    JSONSchemaProps range = resolve(version(kind("Node")).getSchema().getOpenAPIV3Schema(), ".spec.portRange");
    assertThat(range.getDefault()).isNotNull();
    assertThat(range.getProperties().get("begin").getDefault().asInt()).isEqualTo(31000);
    assertThat(range.getProperties().get("end").getDefault().asInt()).isEqualTo(32000);
  }

  @Test
  void serviceHasTheScaleSubresource() {
    CustomResourceDefinitionVersion v = version(kind("Service"));
    JSONSchemaProps root = v.getSchema().getOpenAPIV3Schema();
    var scale = v.getSubresources().getScale();
    assertThat(scale.getSpecReplicasPath()).isEqualTo(".spec.instances");
    assertThat(scale.getStatusReplicasPath()).isEqualTo(".status.instances");
    assertThat(scale.getLabelSelectorPath()).isEqualTo(".status.selector");
    assertThat(resolve(root, scale.getSpecReplicasPath()).getType()).isEqualTo("integer");
    assertThat(resolve(root, scale.getStatusReplicasPath()).getType()).isEqualTo("integer");
    assertThat(resolve(root, scale.getLabelSelectorPath()).getType()).isEqualTo("string");
    assertThat(Crds.all()).filteredOn(c -> c.getSpec().getVersions().get(0).getSubresources().getScale() != null)
        .extracting(c -> c.getSpec().getNames().getKind()).containsExactly("Service");
  }

  @Test
  void serviceTemplateSpecIsTheTaskSpecWithoutNodeName() {
    JSONSchemaProps template = resolve(version(kind("Service")).getSchema().getOpenAPIV3Schema(), ".spec.template.spec");
    JSONSchemaProps task = resolve(version(kind("Task")).getSchema().getOpenAPIV3Schema(), ".spec");
    assertThat(task.getProperties()).containsKey("nodeName");
    Map<String, JSONSchemaProps> taskProps = new java.util.LinkedHashMap<>(task.getProperties());
    taskProps.remove("nodeName");
    assertThat((JsonNode) YAML.valueToTree(template.getProperties())).isEqualTo(YAML.valueToTree(taskProps));
    assertThat((JsonNode) YAML.valueToTree(template.getXKubernetesValidations()))
        .isEqualTo(YAML.valueToTree(task.getXKubernetesValidations()));
    assertThat(template.getRequired()).isEqualTo(task.getRequired());
  }

  @Test
  void taskSpecAllowsCommandOrShellButNotBoth() {
    JSONSchemaProps spec = resolve(version(kind("Task")).getSchema().getOpenAPIV3Schema(), ".spec");
    assertThat(spec.getXKubernetesValidations()).extracting(r -> r.getRule())
        .contains("!(has(self.command) && has(self.shell))");
    assertThat(spec.getProperties().get("nodeName").getXKubernetesValidations()).extracting(r -> r.getRule())
        .containsExactly("self == oldSelf");
  }

  @Test
  void taskStatesAreTheMesosOnes() {
    JSONSchemaProps state = resolve(version(kind("Task")).getSchema().getOpenAPIV3Schema(), ".status.state");
    assertThat(state.getEnum()).extracting(JsonNode::asText).containsExactly("STAGING", "STARTING", "RUNNING",
        "KILLING", "FINISHED", "FAILED", "KILLED", "ERROR", "UNREACHABLE", "GONE");
    assertThat(version(kind("Task")).getSelectableFields()).extracting(SelectableField::getJsonPath)
        .contains(".spec.nodeName");
  }

  @Test
  void taskPrinterColumnsAndWideOnes() {
    assertThat(version(kind("Task")).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName, c -> c.getPriority() == null ? 0 : c.getPriority())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("State", 0), org.assertj.core.groups.Tuple.tuple("Node", 0),
            org.assertj.core.groups.Tuple.tuple("Ports", 1), org.assertj.core.groups.Tuple.tuple("Health", 0),
            org.assertj.core.groups.Tuple.tuple("Restarts", 1), org.assertj.core.groups.Tuple.tuple("Age", 0));
    assertThat(version(kind("Service")).getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Instances", "Running", "Healthy", "Age");
    assertThat(version(kind("Node")).getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
        .startsWith("Ready", "CPUs", "Memory").endsWith("Age");
  }

  @Test
  void serviceDefaultsAreMarathons() {
    JSONSchemaProps root = version(kind("Service")).getSchema().getOpenAPIV3Schema();
    Map<String, String> expected = Map.ofEntries(
        Map.entry(".spec.instances", "1"),
        Map.entry(".spec.upgradeStrategy.minimumHealthCapacity", "1"),
        Map.entry(".spec.upgradeStrategy.maximumOverCapacity", "1"),
        Map.entry(".spec.backoffSeconds", "1"),
        Map.entry(".spec.backoffFactor", "1.15"),
        Map.entry(".spec.maxLaunchDelaySeconds", "300"),
        Map.entry(".spec.killSelection", "YoungestFirst"),
        Map.entry(".spec.unreachableStrategy.inactiveAfterSeconds", "300"),
        Map.entry(".spec.template.spec.killGracePeriodSeconds", "3"),
        Map.entry(".spec.template.spec.resources.cpus", "1"),
        Map.entry(".spec.template.spec.resources.memory", "128Mi"),
        Map.entry(".spec.template.spec.ports[*].protocol", "TCP"),
        Map.entry(".spec.template.spec.healthChecks[*].gracePeriodSeconds", "300"),
        Map.entry(".spec.template.spec.healthChecks[*].intervalSeconds", "60"),
        Map.entry(".spec.template.spec.healthChecks[*].timeoutSeconds", "20"),
        Map.entry(".spec.template.spec.healthChecks[*].maxConsecutiveFailures", "3"));
    expected.forEach((path, value) -> {
      JSONSchemaProps s = resolve(root, path);
      assertThat(s).as(path).isNotNull();
      assertThat(s.getDefault()).as(path).isNotNull();
      assertThat(s.getDefault().asText()).as(path).isEqualTo(value);
    });
    assertThat(resolve(root, ".spec.constraints[*].operator").getEnum()).extracting(JsonNode::asText)
        .containsExactly("UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER", "IS");
  }

  // --- helpers ---

  static Kind kind(String kind) {
    return kinds().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow();
  }

  static CustomResourceDefinitionVersion version(Kind k) {
    return Crds.load(k.file()).getSpec().getVersions().get(0);
  }

  static boolean isEmpty(java.util.Collection<?> c) {
    return c == null || c.isEmpty();
  }

  static boolean isEmpty(Map<?, ?> m) {
    return m == null || m.isEmpty();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Visits every schema node: properties as {@code .name}, array items as {@code [*]}, map values
   * as {@code {*}}, and anyOf/allOf/oneOf branches as {@code |anyOf[i]}.
   */
  static void walk(String path, JSONSchemaProps s, BiConsumer<String, JSONSchemaProps> visit) {
    visit.accept(path, s);
    if (!isEmpty(s.getProperties())) {
      s.getProperties().forEach((name, p) -> walk(path + "." + name, p, visit));
    }
    if (s.getItems() != null && s.getItems().getSchema() != null) {
      walk(path + "[*]", s.getItems().getSchema(), visit);
    }
    if (s.getAdditionalProperties() != null && s.getAdditionalProperties().getSchema() != null) {
      walk(path + "{*}", s.getAdditionalProperties().getSchema(), visit);
    }
    branches(path, "anyOf", s.getAnyOf(), visit);
    branches(path, "allOf", s.getAllOf(), visit);
    branches(path, "oneOf", s.getOneOf(), visit);
  }

  private static void branches(String path, String kind, List<JSONSchemaProps> list,
      BiConsumer<String, JSONSchemaProps> visit) {
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        walk(path + "|" + kind + "[" + i + "]", list.get(i), visit);
      }
    }
  }

  private static final Pattern SEGMENT =
      Pattern.compile("\\.([A-Za-z0-9_]+)((?:\\[(?:\\*|[0-9]+|\\?\\(@\\.([A-Za-z0-9_]+)==\"[^\"]*\"\\))\\])?)");

  /** The schema a kubectl-style JSONPath points at, or null if it leaves the schema. */
  static JSONSchemaProps resolve(JSONSchemaProps root, String jsonPath) {
    Matcher m = SEGMENT.matcher(jsonPath);
    JSONSchemaProps s = root;
    int at = 0;
    while (at < jsonPath.length()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      s = isEmpty(s.getProperties()) ? null : s.getProperties().get(m.group(1));
      if (s == null) {
        return null;
      }
      if (!m.group(2).isEmpty()) {
        if (!"array".equals(s.getType())) {
          return null;
        }
        s = s.getItems().getSchema();
        if (m.group(3) != null && (isEmpty(s.getProperties()) || !s.getProperties().containsKey(m.group(3)))) {
          return null;
        }
      }
      at = m.end();
    }
    return s;
  }

  private static JSONSchemaProps withoutEnum(JSONSchemaProps s) {
    JSONSchemaProps copy = YAML.convertValue(s, JSONSchemaProps.class);
    copy.setEnum(null);
    return copy;
  }

  /** Whether a value (a default or an enum member) conforms to a schema, as the apiserver checks. */
  static List<String> conform(String path, JSONSchemaProps s, JsonNode value) {
    List<String> problems = new ArrayList<>();
    boolean intOrString = Boolean.TRUE.equals(s.getXKubernetesIntOrString());
    String type = s.getType();
    boolean typed = intOrString ? value.isIntegralNumber() || value.isTextual() : switch (type) {
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      default -> false;
    };
    if (!typed) {
      problems.add(path + ": " + value + " is no " + (intOrString ? "int-or-string" : type));
      return problems;
    }
    if (!isEmpty(s.getEnum()) && !s.getEnum().contains(value)) {
      problems.add(path + ": " + value + " is not one of " + s.getEnum());
    }
    if (value.isNumber()) {
      if (s.getMinimum() != null && value.asDouble() < s.getMinimum()) {
        problems.add(path + ": " + value + " < minimum " + s.getMinimum());
      }
      if (s.getMaximum() != null && value.asDouble() > s.getMaximum()) {
        problems.add(path + ": " + value + " > maximum " + s.getMaximum());
      }
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (s.getPattern() != null && !Pattern.compile(s.getPattern()).matcher(text).find()) {
        problems.add(path + ": " + value + " does not match " + s.getPattern());
      }
      if (s.getMinLength() != null && text.length() < s.getMinLength()) {
        problems.add(path + ": " + value + " is shorter than " + s.getMinLength());
      }
      if (s.getMaxLength() != null && text.length() > s.getMaxLength()) {
        problems.add(path + ": " + value + " is longer than " + s.getMaxLength());
      }
    }
    if (value.isObject() && !Boolean.TRUE.equals(s.getXKubernetesPreserveUnknownFields())) {
      Map<String, JSONSchemaProps> props = isEmpty(s.getProperties()) ? Map.of() : s.getProperties();
      value.fields().forEachRemaining(e -> {
        JSONSchemaProps p = props.get(e.getKey());
        if (p == null) {
          problems.add(path + ": default field " + e.getKey() + " is no property (it would be pruned)");
        } else {
          problems.addAll(conform(path + "." + e.getKey(), p, e.getValue()));
        }
      });
    }
    if (value.isArray() && s.getItems() != null && s.getItems().getSchema() != null) {
      if (s.getMaxItems() != null && value.size() > s.getMaxItems()) {
        problems.add(path + ": more than " + s.getMaxItems() + " items");
      }
      for (JsonNode item : value) {
        problems.addAll(conform(path + "[*]", s.getItems().getSchema(), item));
      }
    }
    return problems;
  }
}
