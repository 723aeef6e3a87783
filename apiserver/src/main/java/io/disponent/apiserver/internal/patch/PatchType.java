package io.disponent.apiserver.internal.patch;

import io.disponent.apiserver.internal.errors.ApiException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The body formats of a PATCH request, named by its Content-Type. */
public enum PatchType {
  JSON_PATCH("application/json-patch+json"),
  MERGE_PATCH("application/merge-patch+json"),
  STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
  APPLY_PATCH_YAML("application/apply-patch+yaml");

  /** Every type, in the order a 415 lists them. */
  public static final List<PatchType> ALL = List.of(values());

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * The patch type of a Content-Type header. Parameters ({@code ; charset=utf-8}) and case are
   * ignored. Anything else, {@code application/apply-patch+cbor} included, is refused with the 415
   * Kubernetes sends, listing the accepted types.
   *
   * @throws ApiException 415 UnsupportedMediaType
   */
  public static PatchType fromContentType(String contentType) {
    return fromContentType(contentType, ALL);
  }

  /**
   * As {@link #fromContentType(String)}, accepting only {@code accepted} (Kubernetes accepts no
   * strategic merge patch for custom resources, for instance).
   */
  public static PatchType fromContentType(String contentType, Collection<PatchType> accepted) {
    String bare = contentType == null ? "" : contentType;
    int semicolon = bare.indexOf(';');
    if (semicolon >= 0) {
      bare = bare.substring(0, semicolon);
    }
    String mediaType = bare.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.mediaType.equals(mediaType) && accepted.contains(t))
        .findFirst()
        .orElseThrow(() -> unsupported(accepted));
  }

  /** The 415 Kubernetes answers a PATCH in an unknown format with. */
  public static ApiException unsupported(Collection<PatchType> accepted) {
    String list = Arrays.stream(values())
        .filter(accepted::contains)
        .map(PatchType::mediaType)
        .collect(Collectors.joining(", "));
    return ApiException.unsupportedMediaType(
        "the body of the request was in an unknown format - accepted media types include: " + list);
  }
}
