package io.disponent.apiserver.internal.apply;

import static io.disponent.apiserver.internal.apply.Fixtures.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSetTest {

  static final String A = "{'f:spec':{'f:a':{},'f:b':{'.':{},'f:c':{}}}}";
  static final String B = "{'f:spec':{'f:b':{},'f:d':{}}}";

  static Stream<Arguments> operations() {
    BinaryOperator<FieldSet> union = FieldSet::union;
    BinaryOperator<FieldSet> difference = FieldSet::difference;
    BinaryOperator<FieldSet> intersection = FieldSet::intersection;
    return Stream.of(
        Arguments.of("union", union, A, B, "{'f:spec':{'f:a':{},'f:b':{'.':{},'f:c':{}},'f:d':{}}}"),
        Arguments.of("difference", difference, A, B, "{'f:spec':{'f:a':{},'f:b':{'f:c':{}}}}"),
        Arguments.of("difference, other way", difference, B, A, "{'f:spec':{'f:d':{}}}"),
        Arguments.of("intersection", intersection, A, B, "{'f:spec':{'f:b':{}}}"),
        Arguments.of("intersection, disjoint", intersection, "{'f:a':{}}", "{'f:b':{}}", "{}"),
        Arguments.of("union with empty", union, A, "{}", A));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void combines(String name, BinaryOperator<FieldSet> op, String left, String right, String expected) {
    assertThat(op.apply(fields(left), fields(right))).isEqualTo(fields(expected));
  }

  @Test
  void leavesAreMembersWithNothingBelow() {
    assertThat(fields(A).leaves()).isEqualTo(fields("{'f:spec':{'f:a':{},'f:b':{'f:c':{}}}}"));
  }

  @Test
  void knowsEmptinessAndDescendants() {
    assertThat(FieldSet.EMPTY.isEmpty()).isTrue();
    assertThat(fields("{}").isEmpty()).isTrue();
    assertThat(fields(A).hasDescendants(FieldPath.fields("spec"))).isTrue();
    assertThat(fields(A).hasDescendants(FieldPath.fields("spec", "a"))).isFalse();
    assertThat(fields(A).contains(FieldPath.fields("spec"))).isFalse();
    assertThat(fields(A).withoutSubtree(FieldPath.fields("spec", "b"))).isEqualTo(fields("{'f:spec':{'f:a':{}}}"));
  }
}
