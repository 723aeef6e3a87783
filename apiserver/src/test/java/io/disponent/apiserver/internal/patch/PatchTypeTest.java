package io.disponent.apiserver.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.disponent.apiserver.internal.errors.ApiException;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchTypeTest {

  static Stream<Arguments> known() {
    return Stream.of(
        Arguments.of("application/merge-patch+json", PatchType.MERGE_PATCH),
        Arguments.of("application/json-patch+json", PatchType.JSON_PATCH),
        Arguments.of("application/strategic-merge-patch+json", PatchType.STRATEGIC_MERGE_PATCH),
        Arguments.of("application/apply-patch+yaml", PatchType.APPLY_PATCH_YAML),
        Arguments.of("application/merge-patch+json; charset=utf-8", PatchType.MERGE_PATCH),
        Arguments.of("Application/JSON-Patch+JSON;charset=UTF-8", PatchType.JSON_PATCH),
        Arguments.of(" application/apply-patch+yaml ; charset=utf-8", PatchType.APPLY_PATCH_YAML));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("known")
  void parsesContentTypes(String contentType, PatchType expected) {
    assertThat(PatchType.fromContentType(contentType)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"application/json", "application/apply-patch+cbor", "text/plain", "", ";charset=utf-8"})
  void refusesOthersWith415(String contentType) {
    ApiException e = catchThrowableOfType(ApiException.class, () -> PatchType.fromContentType(contentType));
    assertThat(e.code()).isEqualTo(415);
    assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
    assertThat(e.getMessage()).isEqualTo("the body of the request was in an unknown format - accepted media types include: "
        + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, "
        + "application/apply-patch+yaml");
  }

  @Test
  void refusesNull() {
    assertThat(catchThrowableOfType(ApiException.class, () -> PatchType.fromContentType(null)).code()).isEqualTo(415);
  }

  @Test
  void canNarrowTheAcceptedTypesAsForCustomResources() {
    EnumSet<PatchType> custom = EnumSet.of(PatchType.JSON_PATCH, PatchType.MERGE_PATCH, PatchType.APPLY_PATCH_YAML);
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> PatchType.fromContentType("application/strategic-merge-patch+json", custom));
    assertThat(e.getMessage()).endsWith(
        "include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    assertThat(PatchType.fromContentType("application/merge-patch+json", custom)).isEqualTo(PatchType.MERGE_PATCH);
  }
}
