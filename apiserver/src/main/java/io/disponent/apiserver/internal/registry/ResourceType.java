package io.disponent.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.schema.Schema;
import java.util.List;

/**
 * One served resource (a CRD's served version): everything the generic REST layer, discovery,
 * OpenAPI and Table output need to know about a kind. Built from the CRD; no kind is known by code.
 *
 * @param group the API group; empty for the core group ({@code /api/v1})
 * @param schema the compiled structural schema of the whole object (null: anything goes)
 * @param openApiSchema the raw {@code openAPIV3Schema} JSON, for {@code /openapi/v3}
 * @param scale the scale subresource, or null
 * @param selectableFields JSON paths such as {@code .spec.nodeName}, usable in field selectors
 *     besides {@code metadata.name} and {@code metadata.namespace}
 * @param storageVersion whether this is the version objects are stored in
 * @param crdName the defining CRD's {@code metadata.name}
 * @param verbs what clients may do with it: {@link #STORED_VERBS} for every kind defined by a CRD,
 *     {@code create} alone for the review APIs, which answer and store nothing
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String listKind,
    String plural,
    String singular,
    List<String> shortNames,
    List<String> categories,
    boolean namespaced,
    Schema schema,
    JsonNode openApiSchema,
    boolean statusSubresource,
    Scale scale,
    List<PrinterColumn> printerColumns,
    List<String> selectableFields,
    boolean storageVersion,
    String crdName,
    List<String> verbs) {

  /** The verbs of every stored resource. */
  public static final List<String> STORED_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  public ResourceType {
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    printerColumns = List.copyOf(printerColumns);
    selectableFields = List.copyOf(selectableFields);
  }

  /** A stored resource, with every verb. */
  public ResourceType(String group, String version, String kind, String listKind, String plural, String singular,
      List<String> shortNames, List<String> categories, boolean namespaced, Schema schema, JsonNode openApiSchema,
      boolean statusSubresource, Scale scale, List<PrinterColumn> printerColumns, List<String> selectableFields,
      boolean storageVersion, String crdName) {
    this(group, version, kind, listKind, plural, singular, shortNames, categories, namespaced, schema, openApiSchema,
        statusSubresource, scale, printerColumns, selectableFields, storageVersion, crdName, STORED_VERBS);
  }

  /** Whether objects of it are stored (and so listed, watched, cached and cleaned with their namespace). */
  public boolean stored() {
    return verbs.contains("get");
  }

  /** {@code scale} subresource paths, as JSON paths ({@code .spec.instances}). */
  public record Scale(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {}

  /** One {@code additionalPrinterColumns} entry. */
  public record PrinterColumn(String name, String type, String format, String description, int priority, String jsonPath) {}

  /** {@code disponent.io/v1}, or {@code v1} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code services.disponent.io}, or {@code namespaces} for the core group: how errors name it. */
  public String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code Service.disponent.io}: how 422 messages name the kind. */
  public String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  /** The URL path prefix of the group version: {@code /apis/disponent.io/v1} or {@code /api/v1}. */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }
}
