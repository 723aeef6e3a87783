package io.disponent.client;

/** Patch flavours and their content types. */
public enum PatchType {
  MERGE("application/merge-patch+json"),
  JSON("application/json-patch+json"),
  /** Server-side apply; needs a field manager. */
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }
}
