package io.disponent.apiserver.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.validation.Names;
import io.disponent.crds.vocab.Finalizers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates {@code ObjectMeta} as apimachinery's {@code ValidateObjectMetaAccessor} does, with the
 * same field paths and messages. Values of the wrong JSON type are reported too (Kubernetes would
 * fail to decode them).
 */
public final class ObjectMetaValidator {

  /** The fields of {@code ObjectMeta}; anything else is unknown (pruned, or refused when strict). */
  public static final Set<String> KNOWN_FIELDS = Set.of(
      "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
      "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
      "ownerReferences", "finalizers", "managedFields");

  /** Annotations may hold at most this many bytes of keys and values together. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;


  private ObjectMetaValidator() {}

  /**
   * Validates a top-level object's {@code metadata}; causes are at {@code metadata.name} etc.
   *
   * @param namespaced whether the kind is namespaced: then a namespace is required, else forbidden
   */
  public static List<StatusCause> validate(JsonNode metadata, boolean namespaced, NameRule rule) {
    List<StatusCause> out = new ArrayList<>();
    JsonNode meta = metadata == null || metadata.isNull() || metadata.isMissingNode() ? null : metadata;
    if (meta != null && !meta.isObject()) {
      out.add(typeError("metadata", meta, "object"));
      return out;
    }
    String name = string(meta, "name", "metadata", out);
    String generateName = string(meta, "generateName", "metadata", out);
    names(name, generateName, rule, true, "metadata", out);
    String namespace = string(meta, "namespace", "metadata", out);
    if (namespaced) {
      if (namespace == null || namespace.isEmpty()) {
        out.add(StatusCause.required("metadata.namespace"));
      } else {
        Names.validateDns1123Label(namespace)
            .forEach(msg -> out.add(StatusCause.invalid("metadata.namespace", namespace, msg)));
      }
    } else if (namespace != null && !namespace.isEmpty()) {
      out.add(StatusCause.forbidden("metadata.namespace", "not allowed on this type"));
    }
    rest(meta, "metadata", out);
    return out;
  }

  /**
   * Validates the {@code metadata} of an embedded resource ({@code x-kubernetes-embedded-resource}),
   * where a name is optional and the namespace is not checked.
   *
   * @param path the metadata's field path, e.g. {@code spec.template.metadata}
   */
  public static List<StatusCause> validateEmbedded(JsonNode metadata, String path) {
    List<StatusCause> out = new ArrayList<>();
    if (metadata == null || metadata.isNull() || metadata.isMissingNode()) {
      return out;
    }
    if (!metadata.isObject()) {
      out.add(typeError(path, metadata, "object"));
      return out;
    }
    String name = string(metadata, "name", path, out);
    String generateName = string(metadata, "generateName", path, out);
    names(name, generateName, NameRule.DNS_SUBDOMAIN, false, path, out);
    String namespace = string(metadata, "namespace", path, out);
    if (namespace != null && !namespace.isEmpty()) {
      Names.validateDns1123Label(namespace)
          .forEach(msg -> out.add(StatusCause.invalid(path + ".namespace", namespace, msg)));
    }
    rest(metadata, path, out);
    return out;
  }

  /** The paths of the fields of {@code metadata} that ObjectMeta does not have, e.g. {@code metadata.foo}. */
  public static List<String> unknownFields(JsonNode metadata, String path) {
    List<String> unknown = new ArrayList<>();
    if (metadata != null && metadata.isObject()) {
      metadata.fieldNames().forEachRemaining(f -> {
        if (!KNOWN_FIELDS.contains(f)) {
          unknown.add(path + "." + f);
        }
      });
    }
    return unknown;
  }

  private static void names(String name, String generateName, NameRule rule, boolean nameRequired, String path,
      List<StatusCause> out) {
    if (generateName != null && !generateName.isEmpty()) {
      rule.validate(generateName, true)
          .forEach(msg -> out.add(StatusCause.invalid(path + ".generateName", generateName, msg)));
    }
    if (name == null || name.isEmpty()) {
      if (nameRequired && (generateName == null || generateName.isEmpty())) {
        out.add(StatusCause.required(path + ".name", "name or generateName is required"));
      }
    } else {
      rule.validate(name, false).forEach(msg -> out.add(StatusCause.invalid(path + ".name", name, msg)));
    }
  }

  /** Everything but the name and namespace: generation, labels, annotations, finalizers, owners. */
  private static void rest(JsonNode meta, String path, List<StatusCause> out) {
    if (meta == null) {
      return;
    }
    JsonNode generation = meta.get("generation");
    if (generation != null && !generation.isNull()) {
      if (!generation.isIntegralNumber()) {
        out.add(typeError(path + ".generation", generation, "integer"));
      } else if (generation.longValue() < 0) {
        out.add(StatusCause.invalid(path + ".generation", generation, "must be greater than or equal to 0"));
      }
    }
    labels(meta.get("labels"), path + ".labels", out);
    annotations(meta.get("annotations"), path + ".annotations", out);
    finalizers(meta.get("finalizers"), path + ".finalizers", out);
    OwnerReferences.validate(meta.get("ownerReferences"), path + ".ownerReferences", out);
  }

  private static void labels(JsonNode labels, String path, List<StatusCause> out) {
    if (!stringMap(labels, path, out)) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Names.validateQualifiedName(e.getKey()).forEach(msg -> out.add(StatusCause.invalid(path, e.getKey(), msg)));
      String value = e.getValue().asText();
      Names.validateLabelValue(value).forEach(msg -> out.add(StatusCause.invalid(path, value, msg)));
    }
  }

  private static void annotations(JsonNode annotations, String path, List<StatusCause> out) {
    if (!stringMap(annotations, path, out)) {
      return;
    }
    long size = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      Names.validateQualifiedName(key.toLowerCase(java.util.Locale.ROOT))
          .forEach(msg -> out.add(StatusCause.invalid(path, key, msg)));
      size += key.getBytes(StandardCharsets.UTF_8).length
          + e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      out.add(StatusCause.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
  }

  private static void finalizers(JsonNode finalizers, String path, List<StatusCause> out) {
    if (finalizers == null || finalizers.isNull()) {
      return;
    }
    if (!finalizers.isArray()) {
      out.add(typeError(path, finalizers, "array"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < finalizers.size(); i++) {
      JsonNode f = finalizers.get(i);
      if (!f.isTextual()) {
        out.add(typeError(path + "[" + i + "]", f, "string"));
        continue;
      }
      String name = f.asText();
      Names.validateQualifiedName(name).forEach(msg -> out.add(StatusCause.invalid(path, name, msg)));
      if (!seen.add(name)) {
        out.add(StatusCause.duplicate(path + "[" + i + "]", name));
      }
    }
    if (seen.contains(Finalizers.ORPHAN) && seen.contains(Finalizers.FOREGROUND_DELETION)) {
      out.add(StatusCause.invalid(path, finalizers,
          "finalizer " + Finalizers.FOREGROUND_DELETION + " and " + Finalizers.ORPHAN + " cannot be both set"));
    }
  }

  /** Whether {@code map} is a present object of strings; type problems are reported. */
  private static boolean stringMap(JsonNode map, String path, List<StatusCause> out) {
    if (map == null || map.isNull()) {
      return false;
    }
    if (!map.isObject()) {
      out.add(typeError(path, map, "object"));
      return false;
    }
    boolean ok = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        out.add(typeError(path + "[" + e.getKey() + "]", e.getValue(), "string"));
        ok = false;
      }
    }
    return ok;
  }

  private static String string(JsonNode meta, String field, String path, List<StatusCause> out) {
    JsonNode v = meta == null ? null : meta.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      out.add(typeError(path + "." + field, v, "string"));
      return null;
    }
    return v.asText();
  }

  static StatusCause typeError(String path, JsonNode value, String expected) {
    return StatusCause.typeInvalid(path, value, "must be of type " + expected);
  }
}
