package io.disponent.apiserver.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.meta.ObjectMetaValidator;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.Admission;
import io.disponent.apiserver.internal.rest.KindHooks;
import io.disponent.apiserver.internal.rest.WriteOptions;
import io.disponent.apiserver.internal.schema.Defaulter;
import io.disponent.apiserver.internal.schema.Pruner;
import io.disponent.apiserver.internal.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Admission from the kind's structural schema, in Kubernetes' order: prune unknown fields (and
 * report them per {@code fieldValidation}), default, then validate metadata, schema, CEL rules and
 * the kind's hooks, all causes in one 422.
 */
public final class SchemaAdmission implements Admission {

  private final Function<ResourceType, KindHooks> hooks;

  public SchemaAdmission(Function<ResourceType, KindHooks> hooks) {
    this.hooks = hooks;
  }

  @Override
  public List<String> admit(ResourceType type, ObjectNode obj, ObjectNode old, WriteOptions options) {
    List<String> unknown = new ArrayList<>();
    JsonNode metadata = obj.path("metadata");
    for (String field : ObjectMetaValidator.unknownFields(metadata, "metadata")) {
      unknown.add(field);
      if (metadata instanceof ObjectNode m) {
        m.remove(field.substring(field.lastIndexOf('.') + 1));
      }
    }
    if (type.schema() != null) {
      unknown.addAll(Pruner.prune(type.schema(), obj));
    }
    List<String> warnings = new ArrayList<>();
    List<StatusCause> strict = new ArrayList<>();
    options.duplicateFields().forEach(f -> strict.add(StatusCause.duplicateField(f)));
    unknown.forEach(f -> strict.add(StatusCause.unknownField(f)));
    if (!strict.isEmpty()) {
      if ("Strict".equals(options.fieldValidation())) {
        throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
            + type.kind() + ": strict decoding error: "
            + String.join(", ", strict.stream().map(StatusCause::message).toList()), strict);
      }
      if ("Warn".equals(options.fieldValidation())) {
        strict.forEach(c -> warnings.add(c.message()));
      }
    }
    if (type.schema() != null) {
      Defaulter.apply(type.schema(), obj);
    }
    KindHooks kind = hooks.apply(type);
    kind.applyDefaults(obj);
    List<StatusCause> causes = new ArrayList<>(
        ObjectMetaValidator.validate(obj.path("metadata"), type.namespaced(), kind.nameRule()));
    if (type.schema() != null) {
      causes.addAll(SchemaValidator.validate(type.schema(), obj, old));
    }
    causes.addAll(kind.validate(obj, old));
    if (!causes.isEmpty()) {
      String name = obj.path("metadata").path("name").asText("");
      if (name.isEmpty()) {
        name = obj.path("metadata").path("generateName").asText("");
      }
      throw ApiException.invalid(type.group(), type.kind(), type.qualifiedKind(), name, causes);
    }
    return warnings;
  }
}
