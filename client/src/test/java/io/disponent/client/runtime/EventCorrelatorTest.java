package io.disponent.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCorrelatorTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String C = EventCorrelator.COMBINED;

  /** One occurrence: "object type reason message atSecond". */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("same object, type, reason and message merge",
            List.of("t1 W Failed m 0", "t1 W Failed m 1", "t1 W Failed m 2"),
            List.of("create t1.1 1 m", "bump t1.1 2 m", "bump t1.1 3 m")),
        Arguments.of("another object, type or reason is another Event",
            List.of("t1 W Failed m 0", "t2 W Failed m 0", "t1 N Failed m 0", "t1 W Other m 0", "t1 W Failed m 1"),
            List.of("create t1.1 1 m", "create t2.2 1 m", "create t1.3 1 m", "create t1.4 1 m", "bump t1.1 2 m")),
        Arguments.of("another message is another Event, below the similar limit",
            List.of("t1 W Failed a 0", "t1 W Failed b 0", "t1 W Failed a 1"),
            List.of("create t1.1 1 a", "create t1.2 1 b", "bump t1.1 2 a")),
        Arguments.of("from the third distinct message on, similar ones are combined into one Event",
            List.of("t1 W Failed a 0", "t1 W Failed b 1", "t1 W Failed c 2", "t1 W Failed d 3", "t1 W Failed a 4",
                "t2 W Failed c 5"),
            List.of("create t1.1 1 a", "create t1.2 1 b", "create t1.3 1 " + C + "c", "bump t1.3 2 " + C + "d",
                "bump t1.1 2 a", "create t2.4 1 c")),
        Arguments.of("a repeat after the window starts a new Event; at the window's edge it still joins",
            List.of("t1 W Failed m 0", "t1 W Failed m 600", "t1 W Failed m 1201"),
            List.of("create t1.1 1 m", "bump t1.1 2 m", "create t1.2 1 m")),
        Arguments.of("similar messages spread wider than the window are not combined",
            List.of("t1 W Failed a 0", "t1 W Failed b 1", "t1 W Failed c 700"),
            List.of("create t1.1 1 a", "create t1.2 1 b", "create t1.3 1 c")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void correlates(String name, List<String> occurrences, List<String> expected) {
    EventCorrelator c = correlator(100);
    assertThat(run(c, occurrences)).containsExactlyElementsOf(expected);
  }

  @Test
  void theLeastRecentlyUsedKeyIsForgottenFirst() {
    EventCorrelator c = correlator(2);
    assertThat(run(c, List.of("t1 W Failed m 0", "t2 W Failed m 0", "t1 W Failed m 1", "t3 W Failed m 2",
        "t1 W Failed m 3", "t2 W Failed m 4")))
        .containsExactly("create t1.1 1 m", "create t2.2 1 m", "bump t1.1 2 m", "create t3.3 1 m", "bump t1.1 3 m",
            "create t2.4 1 m");
  }

  @Test
  void aForgottenCreateIsCreatedAgainByItsRepeat() {
    EventCorrelator c = correlator(100);
    EventWrite first = c.correlate(object("t1"), EventRecorder.Type.Warning, "Failed", "m", T0);
    c.forget(first);
    assertThat(describe(c.correlate(object("t1"), EventRecorder.Type.Warning, "Failed", "m", T0)))
        .isEqualTo("create t1.2 1 m");
  }

  @Test
  void aClusterScopedObjectsEventsLiveInDefault() {
    EventCorrelator c = correlator(100);
    InvolvedObject node = new InvolvedObject("disponent.io/v1", "Node", null, "n1", "u", "1");
    assertThat(c.correlate(node, EventRecorder.Type.Normal, "NodeReady", "ok", T0).event().namespace())
        .isEqualTo("default");
  }

  static EventCorrelator correlator(int capacity) {
    AtomicLong ids = new AtomicLong();
    return new EventCorrelator("test", Duration.ofMinutes(10), 3, capacity, ids::incrementAndGet);
  }

  static List<String> run(EventCorrelator c, List<String> occurrences) {
    List<String> out = new ArrayList<>();
    for (String o : occurrences) {
      String[] f = o.split(" ");
      EventRecorder.Type type = f[1].equals("W") ? EventRecorder.Type.Warning : EventRecorder.Type.Normal;
      out.add(describe(c.correlate(object(f[0]), type, f[2], f[3], T0.plusSeconds(Long.parseLong(f[4])))));
    }
    return out;
  }

  static InvolvedObject object(String name) {
    return new InvolvedObject("disponent.io/v1", "Task", "ns", name, "uid-" + name, "1");
  }

  static String describe(EventWrite w) {
    String what = w instanceof EventWrite.Create ? "create" : "bump";
    return what + " " + w.event().name() + " " + w.event().count() + " " + w.event().message();
  }
}
