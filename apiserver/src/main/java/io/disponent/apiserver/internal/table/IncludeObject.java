package io.disponent.apiserver.internal.table;

import java.util.Locale;

/** The {@code includeObject} query parameter of a Table request: what each row's {@code object} holds. */
public enum IncludeObject {
  /** No {@code object} in rows. */
  NONE,
  /** A {@code PartialObjectMetadata} (the default; kubectl needs it for {@code -A} and {@code --show-labels}). */
  METADATA,
  /** The full object. */
  OBJECT;

  /**
   * @param value {@code None}, {@code Metadata} or {@code Object}; null or empty means {@link #METADATA}
   * @throws IllegalArgumentException for any other value (answer 400)
   */
  public static IncludeObject parse(String value) {
    if (value == null || value.isEmpty()) {
      return METADATA;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "none":
        return NONE;
      case "metadata":
        return METADATA;
      case "object":
        return OBJECT;
      default:
        throw new IllegalArgumentException(
            "unrecognized includeObject value: \"" + value + "\"; expected None, Metadata or Object");
    }
  }
}
