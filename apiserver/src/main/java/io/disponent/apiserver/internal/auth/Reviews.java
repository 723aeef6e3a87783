package io.disponent.apiserver.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answers of the review APIs with no authorization configured, as Kubernetes' AlwaysAllow
 * authorizer gives them: every access allowed, every rule granted. Pure: the request body (its
 * {@code apiVersion} and {@code kind} already checked) in, the response body out.
 */
public final class Reviews {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Reviews() {}

  /**
   * A SelfSubjectAccessReview: exactly one of {@code spec.resourceAttributes} and
   * {@code spec.nonResourceAttributes}, empty metadata; answered {@code status.allowed: true}.
   *
   * @throws ApiException 400 when spec or an attribute set is not an object, 422 with every cause
   */
  public static ObjectNode access(ObjectNode body) {
    JsonNode spec = objectOrAbsent(body, "spec", ReviewTypes.ACCESS_REVIEWS);
    JsonNode resource = objectOrAbsent(spec, "spec.resourceAttributes", ReviewTypes.ACCESS_REVIEWS);
    JsonNode nonResource = objectOrAbsent(spec, "spec.nonResourceAttributes", ReviewTypes.ACCESS_REVIEWS);
    List<StatusCause> causes = new ArrayList<>();
    if (!resource.isMissingNode() && !nonResource.isMissingNode()) {
      causes.add(StatusCause.invalid("spec.nonResourceAttributes", nonResource,
          "cannot be specified in combination with resourceAttributes"));
    }
    if (resource.isMissingNode() && nonResource.isMissingNode()) {
      causes.add(StatusCause.invalid("spec.resourceAttributes", "null",
          "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
    }
    if (!emptyMetadata(body.path("metadata"))) {
      causes.add(StatusCause.invalid("metadata", body.path("metadata"), "must be empty"));
    }
    if (!causes.isEmpty()) {
      ResourceType t = ReviewTypes.ACCESS_REVIEWS;
      throw ApiException.invalid(t.group(), t.kind(), t.qualifiedKind(), "", causes);
    }
    ObjectNode out = answer(body);
    out.putObject("status").put("allowed", true);
    return out;
  }

  /**
   * A SelfSubjectRulesReview of {@code spec.namespace}: every verb on every resource and URL.
   *
   * @throws ApiException 400 without a namespace, as Kubernetes answers
   */
  public static ObjectNode rules(ObjectNode body) {
    JsonNode spec = objectOrAbsent(body, "spec", ReviewTypes.RULES_REVIEWS);
    JsonNode namespace = spec.path("namespace");
    if (!namespace.isMissingNode() && !namespace.isNull() && !namespace.isTextual()) {
      throw typeError(ReviewTypes.RULES_REVIEWS, "spec.namespace", namespace, "string");
    }
    if (namespace.asText("").isEmpty()) {
      throw ApiException.badRequest("no namespace on request");
    }
    ObjectNode out = answer(body);
    ObjectNode status = out.putObject("status");
    ObjectNode resourceRule = status.putArray("resourceRules").addObject();
    resourceRule.putArray("verbs").add("*");
    resourceRule.putArray("apiGroups").add("*");
    resourceRule.putArray("resources").add("*");
    ObjectNode nonResourceRule = status.putArray("nonResourceRules").addObject();
    nonResourceRule.putArray("verbs").add("*");
    nonResourceRule.putArray("nonResourceURLs").add("*");
    status.put("incomplete", false);
    return out;
  }

  /** A SelfSubjectReview: the user the request came as. */
  public static ObjectNode self(ObjectNode body, UserInfo user) {
    objectOrAbsent(body, "status", ReviewTypes.SELF_REVIEWS);
    ObjectNode out = answer(body);
    ObjectNode info = out.putObject("status").putObject("userInfo");
    info.put("username", user.username());
    if (!user.uid().isEmpty()) {
      info.put("uid", user.uid());
    }
    if (!user.groups().isEmpty()) {
      ArrayNode groups = info.putArray("groups");
      user.groups().forEach(groups::add);
    }
    if (!user.extra().isEmpty()) {
      ObjectNode extra = info.putObject("extra");
      for (Map.Entry<String, List<String>> e : user.extra().entrySet()) {
        e.getValue().forEach(extra.withArray(e.getKey())::add);
      }
    }
    return out;
  }

  /** The request echoed, with the metadata a created-but-not-stored object has. */
  private static ObjectNode answer(ObjectNode body) {
    ObjectNode out = body.deepCopy();
    out.remove("status");
    if (!(out.get("metadata") instanceof ObjectNode)) {
      out.putObject("metadata");
    }
    ObjectNode meta = (ObjectNode) out.get("metadata");
    if (!meta.has("creationTimestamp")) {
      meta.putNull("creationTimestamp");
    }
    return out;
  }

  /** Go's zero ObjectMeta: no field set but nulls (clients send {@code creationTimestamp: null}). */
  private static boolean emptyMetadata(JsonNode meta) {
    if (meta.isMissingNode() || meta.isNull()) {
      return true;
    }
    if (!meta.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) meta::fields) {
      if (!e.getValue().isNull() && !e.getKey().equals("managedFields")) {
        return false;
      }
    }
    return true;
  }

  /** The object at the last element of {@code path} under {@code parent} when an object, missing when absent or null; 400 for any other type. */
  private static JsonNode objectOrAbsent(JsonNode parent, String path, ResourceType type) {
    JsonNode v = parent.path(path.substring(path.lastIndexOf('.') + 1));
    if (v.isMissingNode() || v.isNull()) {
      return F.missingNode();
    }
    if (!v.isObject()) {
      throw typeError(type, path, v, "object");
    }
    return v;
  }

  private static ApiException typeError(ResourceType type, String field, JsonNode value, String expected) {
    return ApiException.badRequest(type.kind() + " in version \"v1\" cannot be handled as a " + type.kind()
            + ": json: cannot unmarshal " + value.getNodeType().name().toLowerCase() + " into Go value of type "
            + expected,
        List.of(StatusCause.typeInvalid(field, value, "must be of type " + expected)));
  }
}
