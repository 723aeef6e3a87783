package io.disponent.apiserver.internal.apply;

import static io.disponent.apiserver.internal.apply.Fixtures.SCHEMA;
import static io.disponent.apiserver.internal.apply.Fixtures.fields;
import static io.disponent.apiserver.internal.apply.Fixtures.json;
import static io.disponent.apiserver.internal.apply.Fixtures.widget;
import static io.disponent.apiserver.internal.apply.ServerSideApplyTest.T0;
import static io.disponent.apiserver.internal.apply.ServerSideApplyTest.T1;
import static io.disponent.apiserver.internal.apply.ServerSideApplyTest.V1;
import static io.disponent.apiserver.internal.apply.ServerSideApplyTest.applied;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateTrackerTest {

  static ObjectNode written(ObjectNode old, ObjectNode updated, String manager, Instant now, String subresource) {
    ObjectNode out = updated.deepCopy();
    ManagedFieldsEntry.write(out, UpdateTracker.track(old, updated, manager, SCHEMA, V1, now, subresource));
    return out;
  }

  static ObjectNode withSpec(ObjectNode object, String spec) {
    ObjectNode copy = object.deepCopy();
    copy.set("spec", json(spec));
    return copy;
  }

  @Test
  void aCreateOwnsEverythingItSets() {
    List<ManagedFieldsEntry> entries = UpdateTracker.track(null,
        widget("{'replicas':1,'ports':[{'name':'http','port':80}]}"), "creator", SCHEMA, V1, T0, "");
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo(ManagedFieldsEntry.Operation.Update);
      assertThat(e.time()).isEqualTo(T0);
      // new declared objects are members too, as in Kubernetes' Update entries of custom resources
      assertThat(e.fieldsV1()).isEqualTo(fields(
          "{'f:spec':{'.':{},'f:ports':{'.':{},'k:{\"name\":\"http\"}':{'.':{},'f:name':{},'f:port':{}}},'f:replicas':{}}}"));
    });
  }

  @Test
  void anUpdateTakesTheFieldsItChangesFromAnApplier() {
    ObjectNode live = applied(null, "a", "{'replicas':1,'image':'i'}");
    ObjectNode out = written(live, withSpec(live, "{'replicas':3,'image':'i'}"), "scaler", T1, "");
    assertThat(ServerSideApplyTest.owned(out, "a")).isEqualTo(fields("{'f:spec':{'f:image':{}}}"));
    assertThat(ServerSideApplyTest.owned(out, "scaler")).isEqualTo(fields("{'f:spec':{'f:replicas':{}}}"));
  }

  @Test
  void removedFieldsLeaveEverySet() {
    ObjectNode live = applied(null, "a", "{'replicas':1,'env':{'A':'1','B':'2'}}");
    ObjectNode out = written(live, withSpec(live, "{'replicas':1,'env':{'A':'1'}}"), "editor", T1, "");
    assertThat(ServerSideApplyTest.owned(out, "a")).isEqualTo(fields("{'f:spec':{'f:env':{'f:A':{}},'f:replicas':{}}}"));
    assertThat(ManagedFieldsEntry.read(out)).extracting(ManagedFieldsEntry::manager).containsExactly("a");
  }

  @Test
  void aWriteThatChangesNothingKeepsEntriesAndTimes() {
    ObjectNode live = written(null, widget("{'replicas':1}"), "creator", T0, "");
    List<ManagedFieldsEntry> after = UpdateTracker.track(live, live.deepCopy(), "creator", SCHEMA, V1, T1, "");
    assertThat(after).isEqualTo(ManagedFieldsEntry.read(live));
  }

  @Test
  void oneManagerAccumulatesIntoOneEntry() {
    ObjectNode live = written(null, widget("{'replicas':1}"), "ctl", T0, "");
    ObjectNode out = written(live, withSpec(live, "{'replicas':1,'image':'i'}"), "ctl", T1, "");
    assertThat(ManagedFieldsEntry.read(out)).singleElement().satisfies(e -> {
      assertThat(e.time()).isEqualTo(T1);
      assertThat(e.fieldsV1()).isEqualTo(fields("{'f:spec':{'.':{},'f:image':{},'f:replicas':{}}}"));
    });
  }

  @Test
  void anEmptyListResetsManagedFields() {
    ObjectNode live = applied(null, "a", "{'replicas':1,'image':'i'}");
    ObjectNode request = withSpec(live, "{'replicas':2,'image':'i'}");
    ((ObjectNode) request.get("metadata")).putArray("managedFields");
    List<ManagedFieldsEntry> entries = UpdateTracker.track(live, request, "editor", SCHEMA, V1, T1, "");
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.manager()).isEqualTo("editor");
      assertThat(e.fieldsV1()).isEqualTo(fields("{'f:spec':{'f:replicas':{}}}"));
    });
    ObjectNode unchanged = live.deepCopy();
    ((ObjectNode) unchanged.get("metadata")).putArray("managedFields").addObject();
    assertThat(UpdateTracker.track(live, unchanged, "editor", SCHEMA, V1, T1, "")).isEmpty();
  }

  @Test
  void garbageFromTheClientKeepsTheStoredEntries() {
    ObjectNode live = applied(null, "a", "{'replicas':1}");
    ObjectNode request = live.deepCopy();
    ((ObjectNode) request.get("metadata")).putArray("managedFields").add("nonsense");
    assertThat(UpdateTracker.track(live, request, "editor", SCHEMA, V1, T1, "")).isEqualTo(ManagedFieldsEntry.read(live));
  }

  @Test
  void aValidListFromTheClientReplacesTheStoredOneAsInKubernetes() {
    ObjectNode live = applied(null, "a", "{'replicas':1}");
    ObjectNode request = live.deepCopy();
    ManagedFieldsEntry.write(request, List.of(ManagedFieldsEntry.of("someone", ManagedFieldsEntry.Operation.Update, V1,
        T0, fields("{'f:spec':{'f:replicas':{}}}"), "")));
    assertThat(UpdateTracker.track(live, request, "editor", SCHEMA, V1, T1, ""))
        .extracting(ManagedFieldsEntry::manager).containsExactly("someone");
  }

  @Test
  void subresourceWritesGetTheirOwnEntryAndIgnoreClientManagedFields() {
    ObjectNode live = applied(null, "a", "{'replicas':1}");
    ObjectNode request = live.deepCopy();
    request.set("status", json("{'phase':'Running'}"));
    ((ObjectNode) request.get("metadata")).putArray("managedFields");
    List<ManagedFieldsEntry> entries = UpdateTracker.track(live, request, "kubelet", SCHEMA, V1, T1, "status");
    assertThat(entries).extracting(ManagedFieldsEntry::manager).containsExactly("a", "kubelet");
    assertThat(entries.get(1).subresource()).isEqualTo("status");
    assertThat(entries.get(1).fieldsV1()).isEqualTo(fields("{'f:status':{'.':{},'f:phase':{}}}"));
  }

  @Test
  void anObjectWithoutEntriesIsAttributedWhollyToItsFirstWriter() {
    ObjectNode live = widget("{'replicas':1,'image':'i'}");
    List<ManagedFieldsEntry> entries = UpdateTracker.track(live, withSpec(live, "{'replicas':2,'image':'i'}"),
        "editor", SCHEMA, V1, T1, "");
    assertThat(entries).singleElement().satisfies(e ->
        assertThat(e.fieldsV1()).isEqualTo(fields("{'f:spec':{'.':{},'f:image':{},'f:replicas':{}}}")));
  }
}
