package io.disponent.apiserver.internal.openapi;

import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.Locale;

/** How Kubernetes names schemas, refs and operations of a resource. */
final class SchemaNames {

  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  static final String OBJECT_META = META + "ObjectMeta";
  static final String LIST_META = META + "ListMeta";
  static final String STATUS = META + "Status";
  static final String PATCH = META + "Patch";
  static final String DELETE_OPTIONS = META + "DeleteOptions";
  static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";

  private SchemaNames() {}

  /** {@code io.disponent.v1.Service}; core kinds are {@code io.k8s.api.core.v1.Namespace}. */
  static String kind(ResourceType type) {
    return prefix(type) + type.kind();
  }

  static String list(ResourceType type) {
    return prefix(type) + type.listKind();
  }

  static String ref(String schemaName) {
    return "#/components/schemas/" + schemaName;
  }

  /** {@code DisponentIoV1}, or {@code CoreV1}: the middle of every operationId. */
  static String operationGroup(ResourceType type) {
    StringBuilder out = new StringBuilder();
    for (String part : (type.group().isEmpty() ? "core" : type.group()).split("[.-]")) {
      out.append(capitalize(part));
    }
    return out.append(capitalize(type.version())).toString();
  }

  /** {@code disponentIo_v1}, or {@code core_v1}: the operation tag. */
  static String tag(ResourceType type) {
    String group = operationGroup(type);
    String groupOnly = group.substring(0, group.length() - type.version().length());
    return Character.toLowerCase(groupOnly.charAt(0)) + groupOnly.substring(1) + "_" + type.version();
  }

  private static String prefix(ResourceType type) {
    if (type.group().isEmpty()) {
      return "io.k8s.api.core." + type.version() + ".";
    }
    String[] parts = type.group().split("\\.");
    StringBuilder reversed = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      reversed.append(parts[i]).append('.');
    }
    return reversed.append(type.version()).append('.').toString();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
