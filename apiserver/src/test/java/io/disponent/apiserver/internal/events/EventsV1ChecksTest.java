package io.disponent.apiserver.internal.events;

import static io.disponent.apiserver.internal.QuotedJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventsV1ChecksTest {

  private static final String VALID = "'eventTime':'2026-12-06T03:00:00.000001Z','type':'Normal',"
      + "'reportingComponent':'disponent.io/x','reportingInstance':'x-1','action':'Act','reason':'Why'";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("complete", "{" + VALID + "}", List.of()),
        Arguments.of("empty", "{}", List.of("eventTime: Required value",
            "type: Invalid value: \"\": has invalid value: ", "reportingController: Required value",
            "reportingInstance: Required value", "action: Required value", "reason: Required value")),
        Arguments.of("deprecated core fields set", "{" + VALID + ",'count':2,'firstTimestamp':'2026-12-06T03:00:00Z',"
                + "'lastTimestamp':'2026-12-06T03:00:00Z','source':{'host':'n1'}}",
            List.of("firstTimestamp: Invalid value: \"\": needs to be unset",
                "lastTimestamp: Invalid value: \"\": needs to be unset", "count: Invalid value: \"\": needs to be unset",
                "source: Invalid value: \"\": needs to be unset")),
        Arguments.of("bad type, long action", "{" + VALID.replace("Normal", "Info").replace("'Act'", "'" + "a".repeat(129) + "'")
            + "}", List.of("type: Invalid value: \"\": has invalid value: Info",
                "action: Invalid value: \"\": can have at most 128 characters")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checks(String name, String core, List<String> causes) {
    assertThat(EventsV1Checks.create(obj(core)).stream().map(EventsV1ChecksTest::render).toList())
        .containsExactlyElementsOf(causes);
  }

  private static String render(StatusCause c) {
    return c.field() + ": " + c.message();
  }
}
