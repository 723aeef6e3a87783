package io.disponent.apiserver.internal.events;

import static io.disponent.apiserver.internal.QuotedJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventConversionTest {

  /** core v1 form, events.k8s.io/v1 form: each converts to the other and back. */
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("every field",
            "{'apiVersion':'v1','kind':'Event','metadata':{'name':'e1','namespace':'default','resourceVersion':'7'},"
                + "'involvedObject':{'kind':'Task','name':'web-1','namespace':'default','uid':'u1'},"
                + "'reason':'Scheduled','message':'bound to node-1','source':{'component':'scheduler','host':'cp-1'},"
                + "'firstTimestamp':'2026-12-06T03:00:00Z','lastTimestamp':'2026-12-06T03:01:00Z','count':3,"
                + "'type':'Normal','eventTime':'2026-12-06T03:00:00.123456Z',"
                + "'series':{'count':2,'lastObservedTime':'2026-12-06T03:01:00.000001Z'},'action':'Binding',"
                + "'related':{'kind':'Node','name':'node-1'},'reportingComponent':'disponent.io/scheduler',"
                + "'reportingInstance':'scheduler-cp-1'}",
            "{'apiVersion':'events.k8s.io/v1','kind':'Event','metadata':{'name':'e1','namespace':'default','resourceVersion':'7'},"
                + "'regarding':{'kind':'Task','name':'web-1','namespace':'default','uid':'u1'},"
                + "'reason':'Scheduled','note':'bound to node-1','deprecatedSource':{'component':'scheduler','host':'cp-1'},"
                + "'deprecatedFirstTimestamp':'2026-12-06T03:00:00Z','deprecatedLastTimestamp':'2026-12-06T03:01:00Z',"
                + "'deprecatedCount':3,'type':'Normal','eventTime':'2026-12-06T03:00:00.123456Z',"
                + "'series':{'count':2,'lastObservedTime':'2026-12-06T03:01:00.000001Z'},'action':'Binding',"
                + "'related':{'kind':'Node','name':'node-1'},'reportingController':'disponent.io/scheduler',"
                + "'reportingInstance':'scheduler-cp-1'}"),
        Arguments.of("a record()-style core event: no eventTime, no series",
            "{'apiVersion':'v1','kind':'Event','metadata':{'name':'e2'},'involvedObject':{'name':'x'},'count':1,"
                + "'message':'m'}",
            "{'apiVersion':'events.k8s.io/v1','kind':'Event','metadata':{'name':'e2'},'regarding':{'name':'x'},"
                + "'deprecatedCount':1,'note':'m'}"),
        Arguments.of("nothing but metadata", "{'apiVersion':'v1','kind':'Event','metadata':{}}",
            "{'apiVersion':'events.k8s.io/v1','kind':'Event','metadata':{}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void convertsBothWaysAndRoundTrips(String name, String core, String eventsV1) {
    assertThat(EventConversion.toEventsV1(obj(core))).isEqualTo(obj(eventsV1));
    assertThat(EventConversion.toCore(obj(eventsV1))).isEqualTo(obj(core));
    assertThat(EventConversion.toCore(EventConversion.toEventsV1(obj(core)))).isEqualTo(obj(core));
    assertThat(fieldNames(EventConversion.toEventsV1(obj(core)))).as("field order kept")
        .isEqualTo(fieldNames(obj(eventsV1)));
  }

  static Stream<Arguments> foreign() {
    return Stream.of(
        Arguments.of("core names sent to events.k8s.io/v1 are dropped",
            "{'apiVersion':'events.k8s.io/v1','kind':'Event','note':'n','message':'m','involvedObject':{}}", true,
            "{'apiVersion':'v1','kind':'Event','message':'n'}"),
        Arguments.of("events.k8s.io/v1 names in a core event are dropped",
            "{'apiVersion':'v1','kind':'Event','message':'m','note':'n','regarding':{}}", false,
            "{'apiVersion':'events.k8s.io/v1','kind':'Event','note':'m'}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foreign")
  void dropsTheOtherVersionsFields(String name, String in, boolean toCore, String expected) {
    ObjectNode input = obj(in);
    ObjectNode out = toCore ? EventConversion.toCore(input) : EventConversion.toEventsV1(input);
    assertThat(out).isEqualTo(obj(expected));
    assertThat(input).as("input unchanged").isEqualTo(obj(in));
  }

  private static List<String> fieldNames(ObjectNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
