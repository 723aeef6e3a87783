package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a custom resource against its structural schema as the Kubernetes apiextensions
 * server does: OpenAPI value validations first, then the CEL rules ({@code
 * x-kubernetes-validations}). Every cause is collected; paths are printed as Kubernetes prints
 * them ({@code spec.ports[0].name}, {@code spec.labels[key]}).
 *
 * <p>Expects a pruned object (unknown fields are ignored, not reported). The root {@code metadata}
 * is skipped: {@link io.disponent.apiserver.internal.meta.ObjectMetaValidator} validates it. As in
 * Kubernetes, a float with no fraction ({@code 1.0}) is accepted where an integer is required.
 */
public final class SchemaValidator {

  private SchemaValidator() {}

  /** Validates a created object: transition rules (those using {@code oldSelf}) are skipped. */
  public static List<StatusCause> validate(Schema root, JsonNode object) {
    return validate(root, object, null);
  }

  /**
   * Validates an updated object; transition rules see the correlated old value as {@code
   * oldSelf} (object fields by name, map lists by key, set lists by value; atomic lists do not
   * correlate their elements).
   *
   * @param oldObject the object before the update, or null on create
   */
  public static List<StatusCause> validate(Schema root, JsonNode object, JsonNode oldObject) {
    if (root == null || object == null) {
      return List.of();
    }
    ValidationWalk walk = new ValidationWalk(true);
    walk.node(root, object, oldObject, FieldPath.root(), true);
    List<StatusCause> out = new ArrayList<>(walk.causes);
    out.addAll(walk.celCauses);
    return out;
  }
}
