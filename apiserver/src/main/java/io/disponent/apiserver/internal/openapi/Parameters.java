package io.disponent.apiserver.internal.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;

/** The query and path parameters of Kubernetes operations, with Kubernetes' descriptions (shortened). */
final class Parameters {

  private Parameters() {}

  static ObjectNode path(String name, String description) {
    ObjectNode parameter = parameter(name, "path", description, "string");
    parameter.put("required", true);
    return parameter;
  }

  static ObjectNode pretty() {
    return query("pretty", "If 'true', then the output is pretty printed.", "string");
  }

  /** Query parameters of create, update and patch; patch adds {@code force}. */
  static void write(ArrayNode parameters, boolean patch) {
    parameters.add(query("dryRun", "When present, indicates that modifications should not be persisted. An invalid or "
        + "unrecognized dryRun directive will result in an error response and no further processing of the request. "
        + "Valid values are: - All: all dry run stages will be processed", "string"));
    parameters.add(query("fieldManager", "fieldManager is a name associated with the actor or entity that is making "
        + "these changes. The value must be less than or 128 characters long, and only contain printable characters, "
        + "as defined by https://golang.org/pkg/unicode/#IsPrint." + (patch
            ? " This field is required for apply requests (application/apply-patch) but optional for non-apply patch types"
              + " (JsonPatch, MergePatch, StrategicMergePatch)."
            : ""), "string"));
    parameters.add(query("fieldValidation", "fieldValidation instructs the server on how to handle objects in the "
        + "request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will "
        + "ignore any unknown fields that are silently dropped from the object, and will ignore all but the last "
        + "duplicate field that the decoder encounters. - Warn: This will send a warning via the standard warning "
        + "response header for each unknown field that is dropped from the object, and for each duplicate field that "
        + "is encountered. - Strict: This will fail the request with a BadRequest error if any unknown fields would be "
        + "dropped from the object, or if any duplicate fields are present.", "string"));
    if (patch) {
      parameters.add(query("force", "Force is going to \"force\" Apply requests. It means user will re-acquire "
          + "conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.",
          "boolean"));
    }
  }

  /** Query parameters of list, watch and deletecollection. */
  static void list(ArrayNode parameters, boolean watch) {
    if (watch) {
      parameters.add(query("allowWatchBookmarks", "allowWatchBookmarks requests watch events with type \"BOOKMARK\". "
          + "Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server's "
          + "discretion.", "boolean"));
    }
    parameters.add(query("continue", "The continue option should be set when retrieving more results from the "
        + "server. Since this value is server defined, clients may only use the continue value from a previous query "
        + "result with identical query parameters (except for the value of continue).", "string"));
    parameters.add(query("fieldSelector", "A selector to restrict the list of returned objects by their fields. "
        + "Defaults to everything.", "string"));
    parameters.add(query("labelSelector", "A selector to restrict the list of returned objects by their labels. "
        + "Defaults to everything.", "string"));
    ObjectNode limit = query("limit", "limit is a maximum number of responses to return for a list call. If more "
        + "items exist, the server will set the `continue` field on the list metadata to a value that can be used "
        + "with the same initial query to retrieve the next set of results.", "integer");
    parameters.add(limit);
    parameters.add(query("resourceVersion", "resourceVersion sets a constraint on what resource versions a request "
        + "may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for "
        + "details.\n\nDefaults to unset", "string"));
    parameters.add(query("resourceVersionMatch", "resourceVersionMatch determines how resourceVersion is applied to "
        + "list calls. It is highly recommended that resourceVersionMatch be set for list calls where resourceVersion "
        + "is set See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details."
        + "\n\nDefaults to unset", "string"));
    parameters.add(query("sendInitialEvents", "`sendInitialEvents=true` may be set together with `watch=true`. In "
        + "that case, the watch stream will begin with synthetic events to produce the current state of objects in "
        + "the collection.", "boolean"));
    parameters.add(query("timeoutSeconds", "Timeout for the list/watch call. This limits the duration of the call, "
        + "regardless of any activity or inactivity.", "integer"));
    if (watch) {
      parameters.add(query("watch", "Watch for changes to the described resources and return them as a stream of add, "
          + "update, and remove notifications. Specify resourceVersion.", "boolean"));
    }
  }

  /** Query parameters of delete and deletecollection. */
  static void delete(ArrayNode parameters) {
    parameters.add(query("dryRun", "When present, indicates that modifications should not be persisted. Valid values "
        + "are: - All: all dry run stages will be processed", "string"));
    parameters.add(query("gracePeriodSeconds", "The duration in seconds before the object should be deleted. Value "
        + "must be non-negative integer.", "integer"));
    parameters.add(query("orphanDependents", "Deprecated: please use the PropagationPolicy, this field will be "
        + "deprecated in 1.7.", "boolean"));
    parameters.add(query("propagationPolicy", "Whether and how garbage collection will be performed. Acceptable "
        + "values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the "
        + "dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the "
        + "foreground.", "string"));
  }

  private static ObjectNode query(String name, String description, String type) {
    return parameter(name, "query", description, type);
  }

  private static ObjectNode parameter(String name, String in, String description, String type) {
    ObjectNode parameter = Json.object().put("name", name).put("in", in).put("description", description);
    ObjectNode schema = parameter.putObject("schema").put("type", type);
    if (!type.equals("boolean") && !type.equals("integer")) {
      schema.put("uniqueItems", true);
    }
    return parameter;
  }
}
