package io.disponent.apiserver.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.discovery.TestResourceTypes;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectRulesTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final ResourceType SERVICES = TestResourceTypes.named("services");
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");

  private static ObjectNode obj(String json) {
    try {
      return (ObjectNode) M.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void createFillsWhatTheServerOwns() {
    ObjectNode o = obj("{'metadata':{'generateName':'web-','resourceVersion':'','uid':'forged',"
        + "'deletionTimestamp':'2020-01-01T00:00:00Z'},'spec':{'instances':1},'status':{'instances':7}}");
    ObjectRules.prepareForCreate(SERVICES, o, "team", NOW, () -> "u-1", new Random(1));
    assertThat(o.path("apiVersion").asText()).isEqualTo("disponent.io/v1");
    assertThat(o.path("kind").asText()).isEqualTo("Service");
    assertThat(o.fieldNames().next()).isEqualTo("apiVersion");
    assertThat(o.at("/metadata/name").asText()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(o.at("/metadata/namespace").asText()).isEqualTo("team");
    assertThat(o.at("/metadata/uid").asText()).isEqualTo("u-1");
    assertThat(o.at("/metadata/creationTimestamp").asText()).isEqualTo("2026-11-23T10:15:30Z");
    assertThat(o.at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(o.at("/metadata").has("resourceVersion")).isFalse();
    assertThat(o.at("/metadata").has("deletionTimestamp")).isFalse();
    assertThat(o.has("status")).as("status is a subresource").isFalse();
  }

  static Stream<Arguments> identityMismatches() {
    return Stream.of(
        Arguments.of("{'apiVersion':'v1','metadata':{'name':'a'}}", "the API version in the data (v1)"),
        Arguments.of("{'kind':'Task','metadata':{'name':'a'}}", "the kind in the data (Task)"),
        Arguments.of("{'metadata':{'name':'a','namespace':'other'}}", "does not match the namespace"),
        Arguments.of("{'metadata':'x'}", "metadata must be an object"),
        Arguments.of("{'metadata':{'name':'a','resourceVersion':'9'}}", "resourceVersion should not be set"));
  }

  @ParameterizedTest
  @MethodSource("identityMismatches")
  void createRefusesAMismatchedIdentity(String json, String message) {
    assertThatThrownBy(() -> ObjectRules.prepareForCreate(SERVICES, obj(json), "team", NOW, () -> "u", new Random()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage()).contains(message);
        });
  }

  static Stream<Arguments> generations() {
    String old = "{'apiVersion':'disponent.io/v1','kind':'Service','metadata':{'name':'a','namespace':'n','uid':'u',"
        + "'generation':3,'creationTimestamp':'2026-01-01T00:00:00Z','labels':{'x':'1'}},"
        + "'spec':{'instances':2},'status':{'instances':2}}";
    return Stream.of(
        Arguments.of(old, "{'metadata':{'name':'a','labels':{'x':'2'}},'spec':{'instances':2}}", 3L, "a label change"),
        Arguments.of(old, "{'metadata':{'name':'a'},'spec':{'instances':2.0}}", 3L, "the same number written as 2.0"),
        Arguments.of(old, "{'metadata':{'name':'a'},'spec':{'instances':2},'status':{'instances':9}}", 3L,
            "a status change through the main resource"),
        Arguments.of(old, "{'metadata':{'name':'a'},'spec':{'instances':5}}", 4L, "a spec change"),
        Arguments.of(old, "{'metadata':{'name':'a'},'spec':{'instances':2},'extra':1}", 4L, "a new top-level field"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("generations")
  void updateBumpsGenerationOnlyForSpecChanges(String old, String next, long generation, String why) {
    ObjectNode o = obj(next);
    ObjectRules.prepareForUpdate(SERVICES, o, obj(old));
    assertThat(o.at("/metadata/generation").asLong()).as("prepare keeps the old generation").isEqualTo(3);
    ObjectRules.bumpGeneration(SERVICES, o, obj(old));
    assertThat(o.at("/metadata/generation").asLong()).as(why).isEqualTo(generation);
    assertThat(o.at("/metadata/uid").asText()).isEqualTo("u");
    assertThat(o.at("/metadata/namespace").asText()).isEqualTo("n");
    assertThat(o.at("/status/instances").asInt()).as("status stays the stored one").isEqualTo(2);
  }

  @Test
  void updateRefusesARename() {
    ObjectNode old = obj("{'metadata':{'name':'a','namespace':'n'},'spec':{}}");
    assertThatThrownBy(() -> ObjectRules.prepareForUpdate(SERVICES, obj("{'metadata':{'name':'b'}}"), old))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void statusUpdateTakesOnlyStatus() {
    ObjectNode old = obj("{'metadata':{'name':'a','labels':{'x':'1'}},'spec':{'instances':2},'status':{'instances':1}}");
    ObjectNode next = ObjectRules.prepareForStatusUpdate(
        obj("{'metadata':{'name':'a','labels':{'x':'2'}},'spec':{'instances':9},'status':{'instances':2}}"), old);
    assertThat(next.at("/spec/instances").asInt()).isEqualTo(2);
    assertThat(next.at("/metadata/labels/x").asText()).isEqualTo("1");
    assertThat(next.at("/status/instances").asInt()).isEqualTo(2);
  }
}
