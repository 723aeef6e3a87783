package io.disponent.apiserver.internal.apply;

import static io.disponent.apiserver.internal.apply.Fixtures.SCHEMA;
import static io.disponent.apiserver.internal.apply.Fixtures.fields;
import static io.disponent.apiserver.internal.apply.Fixtures.json;
import static io.disponent.apiserver.internal.apply.Fixtures.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerSideApplyTest {

  static final String V1 = "disponent.io/v1";
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final Instant T1 = Instant.parse("2024-05-01T11:00:00Z");

  static ApplyResult apply(ObjectNode live, String manager, String spec, boolean force, Instant now) {
    return ServerSideApply.apply(live, widget(spec), manager, force, SCHEMA, V1, now, "");
  }

  static ObjectNode applied(ObjectNode live, String manager, String spec) {
    return apply(live, manager, spec, false, T0).object();
  }

  static FieldSet owned(ObjectNode object, String manager) {
    return ManagedFieldsEntry.read(object).stream().filter(e -> e.manager().equals(manager))
        .map(ManagedFieldsEntry::fieldsV1).reduce(FieldSet.EMPTY, FieldSet::union);
  }

  @Test
  void createsWithTheApplierOwningWhatItSet() {
    ApplyResult r = apply(null, "a", "{'replicas':2,'ports':[{'name':'http','port':80}]}", false, T0);
    assertThat(r.object().get("spec")).isEqualTo(json("{'replicas':2,'ports':[{'name':'http','port':80}]}"));
    assertThat(r.changed()).isTrue();
    assertThat(r.managedFields()).singleElement().satisfies(e -> {
      assertThat(e.manager()).isEqualTo("a");
      assertThat(e.operation()).isEqualTo(ManagedFieldsEntry.Operation.Apply);
      assertThat(e.apiVersion()).isEqualTo(V1);
      assertThat(e.time()).isEqualTo(T0);
      assertThat(e.fieldsV1()).isEqualTo(fields(
          "{'f:spec':{'f:ports':{'k:{\"name\":\"http\"}':{'.':{},'f:name':{},'f:port':{}}},'f:replicas':{}}}"));
    });
    assertThat(ManagedFieldsEntry.read(r.object())).isEqualTo(r.managedFields());
  }

  @Test
  void reapplyingTheSameChangesNothing() {
    ObjectNode live = applied(null, "a", "{'replicas':2,'tags':['x']}");
    ApplyResult again = apply(live, "a", "{'replicas':2,'tags':['x']}", false, T1);
    assertThat(again.changed()).isFalse();
    assertThat(again.object()).isEqualTo(live);
    assertThat(again.managedFields().get(0).time()).isEqualTo(T0);
  }

  @Test
  void omittingAFieldItOwnedRemovesIt() {
    ObjectNode live = applied(null, "a", "{'replicas':2,'image':'i','env':{'A':'1','B':'2'}}");
    ApplyResult r = apply(live, "a", "{'image':'i','env':{'A':'1'}}", false, T1);
    assertThat(r.object().get("spec")).isEqualTo(json("{'image':'i','env':{'A':'1'}}"));
    assertThat(owned(r.object(), "a")).isEqualTo(fields("{'f:spec':{'f:env':{'f:A':{}},'f:image':{}}}"));
    assertThat(r.managedFields().get(0).time()).isEqualTo(T1);
  }

  @Test
  void omittingEverythingRemovesTheSpecButNotTheMetadata() {
    ObjectNode live = applied(null, "a", "{'replicas':2}");
    ApplyResult r = ServerSideApply.apply(live, Fixtures.object(
        "{'apiVersion':'disponent.io/v1','kind':'Widget','metadata':{'name':'w'}}"), "a", false, SCHEMA, V1, T1, "");
    assertThat(r.object().has("spec")).isFalse();
    assertThat(r.object().at("/metadata/name").asText()).isEqualTo("w");
    assertThat(r.managedFields()).isEmpty();
  }

  @Test
  void twoManagersOwnDifferentFields() {
    ObjectNode live = applied(null, "a", "{'replicas':2,'ports':[{'name':'http','port':80}]}");
    live = applied(live, "b", "{'image':'i','ports':[{'name':'metrics','port':9090}]}");
    assertThat(live.get("spec")).isEqualTo(json(
        "{'replicas':2,'ports':[{'name':'http','port':80},{'name':'metrics','port':9090}],'image':'i'}"));
    assertThat(owned(live, "a")).isEqualTo(fields(
        "{'f:spec':{'f:ports':{'k:{\"name\":\"http\"}':{'.':{},'f:name':{},'f:port':{}}},'f:replicas':{}}}"));
    assertThat(owned(live, "b")).isEqualTo(fields(
        "{'f:spec':{'f:image':{},'f:ports':{'k:{\"name\":\"metrics\"}':{'.':{},'f:name':{},'f:port':{}}}}}"));
    // a's next apply without its port removes only its own element
    ObjectNode next = applied(live, "a", "{'replicas':2}");
    assertThat(next.at("/spec/ports")).isEqualTo(json("[{'name':'metrics','port':9090}]"));
  }

  @Test
  void aSharedFieldStaysWhileAnotherManagerOwnsIt() {
    ObjectNode live = applied(null, "a", "{'replicas':2}");
    live = applied(live, "b", "{'replicas':2}");
    assertThat(owned(live, "b")).isEqualTo(fields("{'f:spec':{'f:replicas':{}}}"));
    ObjectNode next = applied(live, "a", "{'image':'i'}");
    assertThat(next.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(owned(next, "a")).isEqualTo(fields("{'f:spec':{'f:image':{}}}"));
  }

  @Test
  void conflictsNameEveryContestedFieldAsKubernetesDoes() {
    ObjectNode live = applied(null, "a", "{'replicas':2,'image':'i','ports':[{'name':'http','port':80}]}");
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> apply(live, "b", "{'replicas':3,'image':'i','ports':[{'name':'http','port':81}]}", false, T1));
    assertThat(e.code()).isEqualTo(409);
    assertThat(e.reason()).isEqualTo("Conflict");
    assertThat(e.causes()).containsExactly(
        new StatusCause("FieldManagerConflict", "conflict with \"a\"", ".spec.ports[name=\"http\"].port"),
        new StatusCause("FieldManagerConflict", "conflict with \"a\"", ".spec.replicas"));
    assertThat(e.getMessage()).isEqualTo("Apply failed with 2 conflicts: conflicts with \"a\":\n"
        + "- .spec.ports[name=\"http\"].port\n- .spec.replicas");
  }

  @Test
  void aSingleConflictIsOneLine() {
    ObjectNode live = applied(null, "a", "{'replicas':2}");
    ApiException e = catchThrowableOfType(ApiException.class, () -> apply(live, "b", "{'replicas':3}", false, T1));
    assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with \"a\": .spec.replicas");
  }

  @Test
  void forceMovesOwnershipToTheApplier() {
    ObjectNode live = applied(null, "a", "{'replicas':2,'image':'i'}");
    ApplyResult r = apply(live, "b", "{'replicas':3}", true, T1);
    assertThat(r.object().at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(owned(r.object(), "a")).isEqualTo(fields("{'f:spec':{'f:image':{}}}"));
    assertThat(owned(r.object(), "b")).isEqualTo(fields("{'f:spec':{'f:replicas':{}}}"));
    // a no longer owns replicas: its next apply without it leaves b's value alone
    ObjectNode next = applied(r.object(), "a", "{'image':'i'}");
    assertThat(next.at("/spec/replicas").asInt()).isEqualTo(3);
  }

  @Test
  void forceTakingEverythingDropsTheEmptyEntry() {
    ObjectNode live = applied(null, "a", "{'replicas':2}");
    ApplyResult r = apply(live, "b", "{'replicas':3}", true, T1);
    assertThat(r.managedFields()).extracting(ManagedFieldsEntry::manager).containsExactly("b");
  }

  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of("map list merged by key, live order kept, new keys appended",
            "{'ports':[{'name':'a','port':1},{'name':'b','port':2}]}",
            "{'ports':[{'name':'b','protocol':'UDP'},{'name':'c','port':3}]}",
            "{'ports':[{'name':'a','port':1},{'name':'b','port':2,'protocol':'UDP'},{'name':'c','port':3}]}"),
        Arguments.of("set list unioned", "{'tags':['x','y']}", "{'tags':['z','x']}", "{'tags':['z','x','y']}"),
        Arguments.of("atomic list replaced", "{'args':['a','b']}", "{'args':['c']}", "{'args':['c']}"),
        Arguments.of("atomic map replaced", "{'selector':{'a':'1'}}", "{'selector':{'b':'2'}}", "{'selector':{'b':'2'}}"),
        Arguments.of("granular map merged", "{'env':{'A':'1'}}", "{'env':{'B':'2'}}", "{'env':{'A':'1','B':'2'}}"),
        Arguments.of("nested map lists merged by composite key",
            "{'template':{'spec':{'containers':[{'name':'web','image':'i','ports':[{'containerPort':80,'protocol':'TCP'}]}]}}}",
            "{'template':{'spec':{'containers':[{'name':'web','ports':[{'containerPort':80,'protocol':'TCP','hostPort':8080},"
                + "{'containerPort':81,'protocol':'TCP'}]}]}}}",
            "{'template':{'spec':{'containers':[{'name':'web','image':'i','ports':[{'containerPort':80,'protocol':'TCP',"
                + "'hostPort':8080},{'containerPort':81,'protocol':'TCP'}]}]}}}"),
        Arguments.of("unknown fields: maps merged, lists replaced", "{'config':{'a':1,'l':[1,2]}}",
            "{'config':{'b':2,'l':[3]}}", "{'config':{'a':1,'l':[3],'b':2}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void mergesAnotherManagersConfigurationIntoTheLiveObjectByForce(String name, String first, String second, String expected) {
    ObjectNode live = applied(null, "a", first);
    assertThat(apply(live, "b", second, true, T1).object().get("spec")).isEqualTo(json(expected));
  }

  @Test
  void nestedConflictPathsReadAsKubernetesPrintsThem() {
    ObjectNode live = applied(null, "a",
        "{'template':{'spec':{'containers':[{'name':'web','ports':[{'containerPort':80,'protocol':'TCP','hostPort':1}]}]}}}");
    ApiException e = catchThrowableOfType(ApiException.class, () -> apply(live, "b",
        "{'template':{'spec':{'containers':[{'name':'web','ports':[{'containerPort':80,'protocol':'TCP','hostPort':2}]}]}}}",
        false, T1));
    assertThat(e.causes()).extracting(StatusCause::field).containsExactly(
        ".spec.template.spec.containers[name=\"web\"].ports[containerPort=80,protocol=\"TCP\"].hostPort");
  }

  @Test
  void anUpdateThenAnApplyConflictsLikeKubectlEditThenServerSideApply() {
    ObjectNode created = applied(null, "kubectl", "{'replicas':2,'image':'i'}");
    ObjectNode edited = created.deepCopy();
    ((ObjectNode) edited.get("spec")).put("replicas", 5);
    ManagedFieldsEntry.write(edited, UpdateTracker.track(created, edited, "kubectl-edit", SCHEMA, V1, T1, ""));
    assertThat(owned(edited, "kubectl")).isEqualTo(fields("{'f:spec':{'f:image':{}}}"));

    ApiException e = catchThrowableOfType(ApiException.class,
        () -> apply(edited, "kubectl", "{'replicas':2,'image':'i'}", false, T1));
    assertThat(e.causes()).containsExactly(new StatusCause("FieldManagerConflict",
        "conflict with \"kubectl-edit\" using disponent.io/v1", ".spec.replicas"));
    assertThat(e.getMessage()).isEqualTo(
        "Apply failed with 1 conflict: conflict with \"kubectl-edit\" using disponent.io/v1: .spec.replicas");
    // applying the edited value is no conflict: both own it
    ObjectNode agreed = applied(edited, "kubectl", "{'replicas':5,'image':'i'}");
    assertThat(owned(agreed, "kubectl")).isEqualTo(fields("{'f:spec':{'f:image':{},'f:replicas':{}}}"));
    assertThat(owned(agreed, "kubectl-edit")).isEqualTo(fields("{'f:spec':{'f:replicas':{}}}"));
  }

  @Test
  void nullsInTheConfigurationAreIgnored() {
    ApplyResult r = apply(null, "a", "{'replicas':null,'image':'i'}", false, T0);
    assertThat(r.object().get("spec")).isEqualTo(json("{'image':'i'}"));
    assertThat(owned(r.object(), "a")).isEqualTo(fields("{'f:spec':{'f:image':{}}}"));
  }

  @Test
  void subresourceAppliesAreTheirOwnManager() {
    ObjectNode live = applied(null, "a", "{'replicas':2}");
    ObjectNode status = widget("{'replicas':2}");
    status.set("status", json("{'phase':'Ready'}"));
    ApplyResult r = ServerSideApply.apply(live, status, "a", false, SCHEMA, V1, T1, "status");
    assertThat(r.managedFields()).extracting(ManagedFieldsEntry::subresource).containsExactly("", "status");
  }

  @Test
  void refusesConfigurationsWithManagedFieldsOrWithoutManager() {
    ObjectNode config = widget("{}");
    ((ObjectNode) config.get("metadata")).putArray("managedFields");
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> ServerSideApply.apply(null, config, "a", false, SCHEMA, V1, T0, ""));
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.getMessage()).isEqualTo("metadata.managedFields must be nil");
    ApiException noManager = catchThrowableOfType(ApiException.class,
        () -> ServerSideApply.apply(null, widget("{}"), "", false, SCHEMA, V1, T0, ""));
    assertThat(noManager.code()).isEqualTo(400);
  }

  @Test
  void aLiveObjectWithoutManagedFieldsHasNoOwnersToConflictWith() {
    ObjectNode live = widget("{'replicas':1,'image':'old'}");
    ApplyResult r = apply(live, "a", "{'replicas':2}", false, T0);
    assertThat(r.object().get("spec")).isEqualTo(json("{'replicas':2,'image':'old'}"));
  }
}
