package io.disponent.apiserver.internal.errors;

/**
 * One cause of a failure, as in {@code Status.details.causes}.
 *
 * @param reason e.g. {@code FieldValueInvalid}, {@code FieldValueRequired}, {@code
 *     FieldValueNotSupported}, {@code FieldValueDuplicate}, {@code FieldValueTooLong}, {@code
 *     FieldManagerConflict}, {@code FieldValueForbidden}, {@code FieldValueTypeInvalid}
 * @param field the field path, e.g. {@code spec.ports[0].name} (or {@code .spec.x} for
 *     field-manager conflicts, as Kubernetes writes them)
 */
public record StatusCause(String reason, String message, String field) {

  public static StatusCause invalid(String field, Object value, String detail) {
    return new StatusCause("FieldValueInvalid", "Invalid value: " + render(value) + ": " + detail, field);
  }

  public static StatusCause required(String field) {
    return new StatusCause("FieldValueRequired", "Required value", field);
  }

  /** {@code Required value: detail}; an empty detail gives the plain form. */
  public static StatusCause required(String field, String detail) {
    return detail == null || detail.isEmpty()
        ? required(field)
        : new StatusCause("FieldValueRequired", "Required value: " + detail, field);
  }

  public static StatusCause notSupported(String field, Object value, java.util.List<String> supported) {
    return new StatusCause("FieldValueNotSupported",
        "Unsupported value: " + render(value) + ": supported values: "
            + String.join(", ", supported.stream().map(s -> "\"" + s + "\"").toList()),
        field);
  }

  public static StatusCause duplicate(String field, Object value) {
    return new StatusCause("FieldValueDuplicate", "Duplicate value: " + render(value), field);
  }

  public static StatusCause forbidden(String field, String detail) {
    return new StatusCause("FieldValueForbidden", "Forbidden: " + detail, field);
  }

  public static StatusCause typeInvalid(String field, Object value, String detail) {
    return new StatusCause("FieldValueTypeInvalid", "Invalid value: " + render(value) + ": " + detail, field);
  }

  public static StatusCause tooLong(String field, long max) {
    return new StatusCause("FieldValueTooLong", "Too long: may not be more than " + max + " bytes", field);
  }

  public static StatusCause tooMany(String field, long actual, long max) {
    return new StatusCause("FieldValueTooMany", "Too many: " + actual + ": must have at most " + max + " items", field);
  }

  /** A field unknown to the schema, as strict field validation reports it. */
  /** A field given twice in one object of the body (Go's decoder, like Jackson, keeps the last). */
  public static StatusCause duplicateField(String field) {
    return new StatusCause("FieldValueDuplicate", "duplicate field \"" + field + "\"", field);
  }

  public static StatusCause unknownField(String field) {
    return new StatusCause("FieldValueInvalid", "unknown field \"" + field + "\"", field);
  }

  /** {@code field: message}, the form Kubernetes joins into a 422 message. */
  public String describe() {
    return field == null || field.isEmpty() ? message : field + ": " + message;
  }

  private static String render(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof com.fasterxml.jackson.databind.JsonNode n) {
      return n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
    }
    return String.valueOf(value);
  }
}
