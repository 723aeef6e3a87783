package io.disponent.apiserver.internal.crd;

import static io.disponent.apiserver.internal.QuotedJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrdNamingTest {

  private static final String REQUESTED = "{'plural':'crontabs','singular':'crontab','kind':'CronTab',"
      + "'listKind':'CronTabList','shortNames':['ct'],'categories':['all']}";
  private static final CrdNaming.Used OTHER = new CrdNaming.Used(
      Set.of("backups", "backup", "bk", "crontab-x"), Set.of("Backup", "BackupList"));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("fresh names, no conflict", REQUESTED, "{}", OTHER, true, "NoConflicts", "no conflicts found",
            REQUESTED),
        Arguments.of("plural used as another's singular", REQUESTED.replace("crontabs", "backup"), "{}", OTHER,
            false, "PluralConflict", "\"backup\" is already in use",
            "{'singular':'crontab','kind':'CronTab','listKind':'CronTabList','shortNames':['ct'],'categories':['all']}"),
        Arguments.of("kind used", REQUESTED.replace("'CronTab'", "'Backup'"), "{}", OTHER, false, "KindConflict",
            "\"Backup\" is already in use",
            "{'plural':'crontabs','singular':'crontab','listKind':'CronTabList','shortNames':['ct'],'categories':['all']}"),
        Arguments.of("list kind used", REQUESTED.replace("CronTabList", "BackupList"), "{}", OTHER, false,
            "ListKindConflict", "\"BackupList\" is already in use",
            "{'plural':'crontabs','singular':'crontab','kind':'CronTab','shortNames':['ct'],'categories':['all']}"),
        Arguments.of("short name used: the old accepted ones stay", REQUESTED.replace("['ct']", "['ct','bk']"),
            "{'shortNames':['ct']}", OTHER, false, "ShortNamesConflict", "\"bk\" is already in use",
            "{'shortNames':['ct'],'plural':'crontabs','singular':'crontab','kind':'CronTab','listKind':'CronTabList',"
                + "'categories':['all']}"),
        Arguments.of("a name already accepted stays ours even if now used elsewhere", REQUESTED,
            "{'plural':'crontabs','kind':'CronTab'}", new CrdNaming.Used(Set.of("crontabs"), Set.of("CronTab")),
            true, "NoConflicts", "no conflicts found", REQUESTED),
        Arguments.of("several conflicts: the last one is reported", REQUESTED.replace("crontabs", "backups")
                .replace("'CronTab'", "'Backup'"), "{}", OTHER, false, "KindConflict", "\"Backup\" is already in use",
            "{'singular':'crontab','listKind':'CronTabList','shortNames':['ct'],'categories':['all']}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, String requested, String accepted, CrdNaming.Used used, boolean ok, String reason,
      String message, String acceptedNames) {
    CrdNaming.Result r = CrdNaming.decide(obj(requested), obj(accepted), used);
    assertThat(r.accepted()).isEqualTo(ok);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.message()).isEqualTo(message);
    assertThat(r.acceptedNames()).isEqualTo(obj(acceptedNames));
  }

  @Test
  void conditionsFollowTheDecision() {
    CrdNaming.Result refused = new CrdNaming.Result(obj("{}"), false, "KindConflict", "\"Backup\" is already in use");
    var conditions = CrdConditions.of(refused, "2026-12-06T03:00:00Z");
    assertThat(conditions).isEqualTo(obj("{'c':["
        + "{'type':'NamesAccepted','status':'False','lastTransitionTime':'2026-12-06T03:00:00Z','reason':'KindConflict',"
        + "'message':'\\\"Backup\\\" is already in use'},"
        + "{'type':'Established','status':'False','lastTransitionTime':'2026-12-06T03:00:00Z','reason':'NotAccepted',"
        + "'message':'not all names are accepted'}]}").get("c"));
    assertThat(CrdConditions.servable(obj("{'status':{'conditions':[]}}"))).isTrue();
    assertThat(CrdConditions.servable(obj("{'status':{'conditions':[{'type':'Established','status':'False'}]}}")))
        .isFalse();
  }

  static Stream<Arguments> transitions() {
    String t0 = "2026-12-06T01:00:00Z";
    String established = "{'c':[{'type':'NamesAccepted','status':'True','lastTransitionTime':'" + t0 + "','reason':'NoConflicts',"
        + "'message':'no conflicts found'},{'type':'Established','status':'True','lastTransitionTime':'" + t0 + "',"
        + "'reason':'InitialNamesAccepted','message':'the initial names have been accepted'},"
        + "{'type':'Other','status':'True'}]}";
    CrdNaming.Result ok = new CrdNaming.Result(obj("{}"), true, "NoConflicts", "no conflicts found");
    CrdNaming.Result refused = new CrdNaming.Result(obj("{}"), false, "KindConflict", "x");
    return Stream.of(
        Arguments.of("unchanged decision: times kept", established, ok, List.of("NamesAccepted=True@" + t0,
            "Established=True@" + t0, "Other=True@")),
        Arguments.of("a conflict on an established CRD: it stays established", established, refused,
            List.of("NamesAccepted=False@NOW", "Established=True@" + t0, "Other=True@")),
        Arguments.of("a refused CRD whose names are now free: both turn True", "{'c':[{'type':'NamesAccepted','status':'False',"
            + "'lastTransitionTime':'" + t0 + "'},{'type':'Established','status':'False','lastTransitionTime':'" + t0 + "'}]}",
            ok, List.of("NamesAccepted=True@NOW", "Established=True@NOW")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitions")
  void conditionsMoveOnlyWhenTheirStatusDoes(String name, String old, CrdNaming.Result naming, List<String> expected) {
    List<String> got = new ArrayList<>();
    CrdConditions.next(obj(old).get("c"), naming, "NOW")
        .forEach(c -> got.add(c.path("type").asText() + "=" + c.path("status").asText() + "@"
            + c.path("lastTransitionTime").asText()));
    assertThat(got).containsExactlyElementsOf(expected);
  }
}
