package io.disponent.apiserver.internal.apply;

import static io.disponent.apiserver.internal.apply.Fixtures.json;
import static io.disponent.apiserver.internal.apply.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagedFieldsEntryTest {

  static final String KUBECTL_EDIT = """
      {"manager":"kubectl-edit","operation":"Update","apiVersion":"apps/v1","time":"2024-05-01T10:20:30Z",\
      "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}""";
  static final String STATUS = """
      {"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2024-05-01T10:20:31Z",\
      "fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}""";
  static final String APPLY = """
      {"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"2024-05-01T10:20:35Z",\
      "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:image":{}}}}""";

  @Test
  void readsAndWritesKubernetesEntries() {
    for (String entry : List.of(KUBECTL_EDIT, STATUS, APPLY)) {
      assertThat(Json.string(ManagedFieldsEntry.fromJson(json(entry)).toJson())).isEqualTo(entry);
    }
    ManagedFieldsEntry status = ManagedFieldsEntry.fromJson(json(STATUS));
    assertThat(status.subresource()).isEqualTo("status");
    assertThat(status.time()).isEqualTo(Instant.parse("2024-05-01T10:20:31Z"));
    assertThat(status.operation()).isEqualTo(ManagedFieldsEntry.Operation.Update);
  }

  @Test
  void writesInKubernetesOrderAndRemovesEmptyLists() {
    ObjectNode object = object("{'metadata':{'name':'x'}}");
    List<ManagedFieldsEntry> entries = List.of(json(STATUS), json(KUBECTL_EDIT), json(APPLY)).stream()
        .map(ManagedFieldsEntry::fromJson).toList();
    ManagedFieldsEntry.write(object, entries);
    assertThat(object.at("/metadata/managedFields").findValuesAsText("manager"))
        .containsExactly("kubectl", "kubectl-edit", "kubelet");
    assertThat(ManagedFieldsEntry.read(object)).containsExactlyInAnyOrderElementsOf(entries);
    ManagedFieldsEntry.write(object, List.of());
    assertThat(object.at("/metadata").has("managedFields")).isFalse();
  }

  @Test
  void truncatesTimesToSeconds() {
    ManagedFieldsEntry e = ManagedFieldsEntry.of("m", ManagedFieldsEntry.Operation.Apply, "v1",
        Instant.parse("2024-05-01T10:20:30.987Z"), FieldSet.EMPTY, null);
    assertThat(e.toJson().get("time").asText()).isEqualTo("2024-05-01T10:20:30Z");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{'metadata':{'managedFields':{}}}", "{'metadata':{'managedFields':[1]}}",
      "{'metadata':{'managedFields':[{'manager':'m','operation':'Delete','fieldsType':'FieldsV1','fieldsV1':{}}]}}",
      "{'metadata':{'managedFields':[{'manager':'m','operation':'Apply','fieldsType':'FieldsV2','fieldsV1':{}}]}}",
      "{'metadata':{'managedFields':[{'manager':'m','operation':'Apply','fieldsType':'FieldsV1','fieldsV1':[]}]}}",
      "{'metadata':{'managedFields':[{'manager':'m','operation':'Apply','time':'yesterday','fieldsType':'FieldsV1','fieldsV1':{}}]}}"})
  void refusesGarbage(String object) {
    assertThatThrownBy(() -> ManagedFieldsEntry.read(json(object))).isInstanceOf(IllegalArgumentException.class);
    assertThat(ManagedFieldsEntry.readOrEmpty(json(object))).isEmpty();
  }
}
