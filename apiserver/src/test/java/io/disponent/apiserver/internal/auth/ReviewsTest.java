package io.disponent.apiserver.internal.auth;

import static io.disponent.apiserver.internal.QuotedJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewsTest {

  static Stream<Arguments> answers() {
    UnaryOperator<ObjectNode> access = Reviews::access;
    UnaryOperator<ObjectNode> rules = Reviews::rules;
    UnaryOperator<ObjectNode> self = b -> Reviews.self(b, UserInfo.ANONYMOUS);
    return Stream.of(
        Arguments.of("resource access allowed", access,
            "{'metadata':{'creationTimestamp':null},'spec':{'resourceAttributes':{'verb':'create','group':'disponent.io','resource':'services'}}}",
            "{'metadata':{'creationTimestamp':null},'spec':{'resourceAttributes':{'verb':'create','group':'disponent.io','resource':'services'}},"
                + "'status':{'allowed':true}}"),
        Arguments.of("non-resource access allowed, a client's status dropped", access,
            "{'spec':{'nonResourceAttributes':{'verb':'get','path':'/healthz'}},'status':{'allowed':false,'denied':true}}",
            "{'spec':{'nonResourceAttributes':{'verb':'get','path':'/healthz'}},'metadata':{'creationTimestamp':null},"
                + "'status':{'allowed':true}}"),
        Arguments.of("every rule in the namespace", rules, "{'spec':{'namespace':'default'}}",
            "{'spec':{'namespace':'default'},'metadata':{'creationTimestamp':null},'status':{"
                + "'resourceRules':[{'verbs':['*'],'apiGroups':['*'],'resources':['*']}],"
                + "'nonResourceRules':[{'verbs':['*'],'nonResourceURLs':['*']}],'incomplete':false}}"),
        Arguments.of("who am I", self, "{}",
            "{'metadata':{'creationTimestamp':null},'status':{'userInfo':{'username':'system:anonymous',"
                + "'groups':['system:unauthenticated']}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void answers(String name, UnaryOperator<ObjectNode> review, String body, String expected) {
    assertThat(review.apply(obj(body))).isEqualTo(obj(expected));
  }

  static Stream<Arguments> refusals() {
    UnaryOperator<ObjectNode> access = Reviews::access;
    UnaryOperator<ObjectNode> rules = Reviews::rules;
    UnaryOperator<ObjectNode> self = b -> Reviews.self(b, UserInfo.ANONYMOUS);
    return Stream.of(
        Arguments.of("no attributes", access, "{'spec':{}}", 422,
            List.of("spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified")),
        Arguments.of("both attributes and metadata set", access,
            "{'metadata':{'name':'x'},'spec':{'resourceAttributes':{},'nonResourceAttributes':{}}}", 422,
            List.of("spec.nonResourceAttributes: Invalid value: {}: cannot be specified in combination with resourceAttributes",
                "metadata: Invalid value: {\"name\":\"x\"}: must be empty")),
        Arguments.of("spec not an object", access, "{'spec':[1]}", 400, List.of("spec")),
        Arguments.of("attributes not an object", access, "{'spec':{'resourceAttributes':'x'}}", 400,
            List.of("spec.resourceAttributes")),
        Arguments.of("rules without a namespace", rules, "{'spec':{}}", 400, List.of()),
        Arguments.of("rules with a numeric namespace", rules, "{'spec':{'namespace':3}}", 400, List.of("spec.namespace")),
        Arguments.of("self review with a status that is not an object", self, "{'status':3}", 400, List.of("status")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(String name, UnaryOperator<ObjectNode> review, String body, int code, List<String> causes) {
    assertThatThrownBy(() -> review.apply(obj(body))).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      List<String> got = e.toStatus().path("details").path("causes").findValuesAsText("field");
      if (code == 422) {
        got = new java.util.ArrayList<>();
        for (var c : e.toStatus().path("details").path("causes")) {
          got.add(c.path("field").asText() + ": " + c.path("message").asText());
        }
      }
      assertThat(got).containsExactlyElementsOf(causes);
    });
  }

  @Test
  void selfReviewNamesWhatTheAuthenticatorFound() {
    UserInfo alice = new UserInfo("alice", "u-1", List.of("dev"), Map.of("scopes", List.of("a", "b")));
    assertThat(Reviews.self(obj("{}"), alice).path("status").path("userInfo"))
        .isEqualTo(obj("{'username':'alice','uid':'u-1','groups':['dev'],'extra':{'scopes':['a','b']}}"));
  }
}
