package io.disponent.apiserver.internal.crd;

import static io.disponent.apiserver.internal.QuotedJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrdDefaultsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("docs CronTab: names filled, conversion None, storedVersions from the storage version",
            "{'spec':{'names':{'kind':'CronTab','plural':'crontabs'},"
                + "'versions':[{'name':'v1beta1','storage':false},{'name':'v1','storage':true}]}}",
            "{'spec':{'names':{'kind':'CronTab','plural':'crontabs','singular':'crontab','listKind':'CronTabList'},"
                + "'versions':[{'name':'v1beta1','storage':false},{'name':'v1','storage':true}],"
                + "'conversion':{'strategy':'None'}},'status':{'storedVersions':['v1']}}"),
        Arguments.of("what is set stays",
            "{'spec':{'names':{'kind':'CronTab','singular':'tab','listKind':'Tabs'},"
                + "'conversion':{'strategy':'Webhook','webhook':{'clientConfig':{'service':{'name':'s','port':8443}}}}},"
                + "'status':{'storedVersions':['v0']}}",
            "{'spec':{'names':{'kind':'CronTab','singular':'tab','listKind':'Tabs'},"
                + "'conversion':{'strategy':'Webhook','webhook':{'clientConfig':{'service':{'name':'s','port':8443}}}}},"
                + "'status':{'storedVersions':['v0']}}"),
        Arguments.of("empty strings count as unset; webhook service port 443",
            "{'spec':{'names':{'kind':'DB','singular':'','listKind':''},"
                + "'conversion':{'strategy':'Webhook','webhook':{'clientConfig':{'service':{'name':'s'}}}}}}",
            "{'spec':{'names':{'kind':'DB','singular':'db','listKind':'DBList'},"
                + "'conversion':{'strategy':'Webhook','webhook':{'clientConfig':{'service':{'name':'s','port':443}}}}}}"),
        Arguments.of("no kind: no names invented (validation reports it)",
            "{'spec':{'names':{'plural':'xs'}}}",
            "{'spec':{'names':{'plural':'xs'},'conversion':{'strategy':'None'}}}"),
        Arguments.of("no spec: left alone", "{'metadata':{'name':'x'}}", "{'metadata':{'name':'x'}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void defaults(String name, String in, String expected) {
    ObjectNode crd = obj(in);
    CrdDefaults.apply(crd);
    assertThat(crd).isEqualTo(obj(expected));
    CrdDefaults.apply(crd);
    assertThat(crd).as("idempotent").isEqualTo(obj(expected));
  }
}
