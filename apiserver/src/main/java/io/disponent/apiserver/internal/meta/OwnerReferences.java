package io.disponent.apiserver.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;

/**
 * {@code metadata.ownerReferences}, as apimachinery's {@code ValidateOwnerReferences}. Like it,
 * causes name the list ({@code metadata.ownerReferences.uid}), not the element.
 */
final class OwnerReferences {

  private OwnerReferences() {}

  static void validate(JsonNode refs, String path, List<StatusCause> out) {
    if (refs == null || refs.isNull()) {
      return;
    }
    if (!refs.isArray()) {
      out.add(ObjectMetaValidator.typeError(path, refs, "array"));
      return;
    }
    String controller = null;
    for (JsonNode ref : refs) {
      if (!ref.isObject()) {
        out.add(ObjectMetaValidator.typeError(path, ref, "object"));
        continue;
      }
      String apiVersion = ref.path("apiVersion").asText("");
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      if (version.isEmpty()) {
        out.add(StatusCause.invalid(path + ".apiVersion", apiVersion, "version must not be empty"));
      }
      for (String field : new String[] {"kind", "name", "uid"}) {
        String value = ref.path(field).asText("");
        if (value.isEmpty()) {
          out.add(StatusCause.invalid(path + "." + field, value, "must not be empty"));
        }
      }
      if (ref.path("controller").asBoolean(false)) {
        String current = ref.path("kind").asText("") + "/" + ref.path("name").asText("");
        if (controller != null) {
          out.add(StatusCause.invalid(path, refs, "Only one reference can have Controller set to true. "
              + "Found \"true\" in references for " + controller + " and " + current));
        } else {
          controller = current;
        }
      }
    }
  }
}
