package io.disponent.apiserver.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelRulesTest {

  private static CelRule compile(String rule) {
    return CelRules.compile(new Schema.ValidationRule(rule, null, null, null, null));
  }

  @Test
  void evaluatesMacrosOverMapsAndLists() throws Exception {
    CelRule r = compile("!has(self.healthChecks) || self.healthChecks.all(c, !has(c.portName)"
        + " || (has(self.ports) && self.ports.exists(p, p.name == c.portName)))");
    assertThat(r.compileError()).isNull();
    assertThat(r.transition()).isFalse();
    Object good = Map.of("healthChecks", List.of(Map.of("portName", "http")), "ports", List.of(Map.of("name", "http")));
    Object bad = Map.of("healthChecks", List.of(Map.of("portName", "x")), "ports", List.of(Map.of("name", "http")));
    assertThat(r.program().eval(Map.of("self", good))).isEqualTo(true);
    assertThat(r.program().eval(Map.of("self", bad))).isEqualTo(false);
  }

  @Test
  void stringFunctionsNullAndMixedNumbers() throws Exception {
    CelRule r = compile("self.x.startsWith('a') && self.x.endsWith('c') && self.x.contains('b')"
        + " && self.y.matches('^b') && [1, 2].map(i, i * 2).filter(i, i > 2).size() == 1"
        + " && [1, 2].exists_one(i, i == 2) && self.z == null && self.w < 2.5");
    assertThat(r.compileError()).isNull();
    Map<String, Object> self = new HashMap<>();
    self.put("x", "abc");
    self.put("y", "bcd");
    self.put("z", com.google.protobuf.NullValue.NULL_VALUE);
    self.put("w", 2L);
    assertThat(r.program().eval(Map.of("self", self))).isEqualTo(true);
  }

  @Test
  void oldSelfMakesATransitionRule() {
    assertThat(compile("self == oldSelf").transition()).isTrue();
    assertThat(compile("self.oldSelfish == 1").transition()).isFalse();
  }

  @Test
  void compileErrorsAreReturned() {
    assertThat(compile("self.x ==").compileError()).startsWith("compilation failed: ERROR: <input>:1:10");
    assertThat(compile("self.x.noSuchFunction()").compileError()).contains("undeclared reference");
    assertThat(compile("1 + 1").compileError()).contains("compilation failed");
    assertThat(compile(" ").compileError()).isEqualTo("rule is not specified");
  }

  @Test
  void compilesOncePerRule() {
    assertThat(compile("self.a == 1")).isSameAs(compile("self.a == 1"));
  }
}
