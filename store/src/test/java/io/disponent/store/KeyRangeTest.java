package io.disponent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyRangeTest {

  static Stream<Arguments> containment() {
    return Stream.of(
        Arguments.of(KeyRange.single("/a"), "/a", true),
        Arguments.of(KeyRange.single("/a"), "/a/b", false),
        Arguments.of(KeyRange.prefix("/a/"), "/a/", true),
        Arguments.of(KeyRange.prefix("/a/"), "/a/b", true),
        Arguments.of(KeyRange.prefix("/a/"), "/a0", false),
        Arguments.of(KeyRange.prefix("/a/"), "/b", false),
        Arguments.of(KeyRange.all(), "", true),
        Arguments.of(KeyRange.all(), "\uffff\uffff", true),
        Arguments.of(new KeyRange("/b", KeyRange.UNBOUNDED), "/a", false),
        Arguments.of(new KeyRange("/b", KeyRange.UNBOUNDED), "/zz", true),
        Arguments.of(new KeyRange("/b", "/d"), "/d", false),
        Arguments.of(new KeyRange("/b", "/d"), "/c/x", true),
        // code-point order: a supplementary character sorts after U+FFFF, as its UTF-8 bytes do
        Arguments.of(KeyRange.prefix("/\uffff"), "/\uffff\ud83d\ude00", true),
        Arguments.of(new KeyRange("/\ue000", "/\uffff"), "/\ud83d\ude00", false));
  }

  @ParameterizedTest
  @MethodSource("containment")
  void contains(KeyRange range, String key, boolean expected) {
    assertThat(range.contains(key)).isEqualTo(expected);
  }

  static Stream<Arguments> prefixEnds() {
    return Stream.of(
        Arguments.of("/a/", "/a0"),
        Arguments.of("a", "b"),
        Arguments.of("a\ud7ff", "a\ue000"),
        Arguments.of("a\udbff\udfff", "b"),
        Arguments.of("\udbff\udfff", KeyRange.UNBOUNDED));
  }

  @ParameterizedTest
  @MethodSource("prefixEnds")
  void prefixEnd(String prefix, String end) {
    assertThat(KeyRange.prefixEnd(prefix)).isEqualTo(end);
  }

  static Stream<Arguments> order() {
    return Stream.of(
        Arguments.of("a", "b", -1),
        Arguments.of("a", "a", 0),
        Arguments.of("ab", "a", 1),
        Arguments.of("\ud83d\ude00", "\uffff", 1));
  }

  @ParameterizedTest
  @MethodSource("order")
  void compareFollowsUtf8ByteOrder(String a, String b, int sign) {
    assertThat(Integer.signum(KeyRange.compare(a, b))).isEqualTo(sign);
    int bytes = java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(Integer.signum(bytes)).isEqualTo(sign);
  }
}
