package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.storage.Keys;
import io.disponent.apiserver.internal.storage.ObjectCodec;
import io.disponent.apiserver.internal.storage.StoreCalls;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.store.ConflictException;
import io.disponent.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Create, update, patch and delete of any resource, each one compare-and-swap on the object's
 * key: a 2xx means the store committed exactly what was validated. Nothing is written on a dry
 * run or on any failure.
 */
public final class ResourceWrites {

  private static final int PATCH_ATTEMPTS = 5;

  private final Store store;
  private final ResourceReads reads;
  private final Admission admission;
  private final FieldManagement fields;
  private final Patcher patcher;
  private final Function<ResourceType, KindHooks> hooks;
  private final Clock clock;
  private final Supplier<String> uids;
  private final Random random;
  private final Duration timeout;
  private final Commits commits;
  private final Deletion deletion;

  public ResourceWrites(Store store, ResourceReads reads, Admission admission, FieldManagement fields, Patcher patcher,
      Function<ResourceType, KindHooks> hooks, Clock clock, Duration timeout) {
    this(store, reads, admission, fields, patcher, hooks, clock, () -> UUID.randomUUID().toString(), new Random(),
        timeout);
  }

  ResourceWrites(Store store, ResourceReads reads, Admission admission, FieldManagement fields, Patcher patcher,
      Function<ResourceType, KindHooks> hooks, Clock clock, Supplier<String> uids, Random random, Duration timeout) {
    this.store = store;
    this.reads = reads;
    this.admission = admission;
    this.fields = fields;
    this.patcher = patcher;
    this.hooks = hooks;
    this.clock = clock;
    this.uids = uids;
    this.random = random;
    this.timeout = timeout;
    this.commits = new Commits(store, timeout);
    this.deletion = new Deletion(commits, hooks, clock);
  }

  public WriteResult create(ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    ObjectNode obj = body.deepCopy();
    ObjectRules.prepareForCreate(type, obj, namespace, clock.instant(), uids, random);
    hooks.apply(type).onCreate(obj);
    List<String> warnings = admission.admit(type, obj, null, options);
    requireNamespace(type, namespace);
    fields.trackUpdate(type, null, obj, options.fieldManager(), null);
    return insert(type, obj, options, warnings);
  }

  /** A PUT of the object or of its status or scale subresource. */
  public WriteResult update(ResourceType type, String namespace, String name, String subresource, ObjectNode body,
      WriteOptions options) {
    StoredObject current = reads.getFromStore(type, namespace, name)
        .orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
    if ("scale".equals(subresource)) {
      String rv = body.path("metadata").path("resourceVersion").asText("");
      if (!rv.isEmpty() && !rv.equals(Long.toString(current.revision()))) {
        throw ApiException.staleObject(type.group(), type.plural(), name);
      }
      ObjectNode scaled = ScaleSubresource.applyScale(type, current.copy(), body);
      try {
        WriteResult r = replace(type, current, scaled, null, options);
        return new WriteResult(r.code(), ScaleSubresource.toScale(type, r.object()), r.warnings());
      } catch (StaleWrite e) {
        throw ApiException.staleObject(type.group(), type.plural(), name);
      }
    }
    String rv = body.path("metadata").path("resourceVersion").asText("");
    if (rv.isEmpty()) {
      throw ApiException.invalid(type.group(), type.kind(), type.qualifiedKind(), name,
          List.of(StatusCause.invalid("metadata.resourceVersion", "0x0", "must be specified for an update")));
    }
    if (!rv.equals(Long.toString(current.revision()))) {
      throw ApiException.staleObject(type.group(), type.plural(), name);
    }
    try {
      return replace(type, current, body.deepCopy(), subresource, options);
    } catch (StaleWrite e) {
      throw ApiException.staleObject(type.group(), type.plural(), name);
    }
  }

  public WriteResult patch(ResourceType type, String namespace, String name, String subresource, String mediaType,
      JsonNode patch, WriteOptions options) {
    boolean apply = Patcher.APPLY.equals(mediaType);
    for (int attempt = 1; ; attempt++) {
      Optional<StoredObject> found = reads.getFromStore(type, namespace, name);
      try {
        if (found.isEmpty()) {
          if (!apply || subresource != null) {
            throw ApiException.notFound(type.group(), type.plural(), name);
          }
          return applyCreate(type, namespace, name, patch, options);
        }
        StoredObject current = found.get();
        if ("scale".equals(subresource)) {
          ObjectNode scale = ScaleSubresource.toScale(type, current.object());
          ObjectNode patchedScale = apply ? mergeInto(scale, patch) : patcher.patch(type, scale, mediaType, patch);
          ObjectNode scaled = ScaleSubresource.applyScale(type, current.copy(), patchedScale);
          WriteResult r = replace(type, current, scaled, null, options);
          return new WriteResult(r.code(), ScaleSubresource.toScale(type, r.object()), r.warnings());
        }
        ObjectNode patched;
        if (apply) {
          if (!(patch instanceof ObjectNode config)) {
            throw ApiException.badRequest("an apply configuration must be an object");
          }
          checkApplyIdentity(type, namespace, name, config);
          patched = fields.apply(type, current.copy(), config, options.fieldManager(), options.force(), subresource);
        } else {
          patched = patcher.patch(type, current.copy(), mediaType, patch);
        }
        String rv = patched.path("metadata").path("resourceVersion").asText("");
        boolean explicitRv = !rv.isEmpty() && !rv.equals(Long.toString(current.revision()));
        if (explicitRv) {
          throw ApiException.staleObject(type.group(), type.plural(), name);
        }
        ObjectRules.metadata(patched).put("resourceVersion", Long.toString(current.revision()));
        return replace(type, current, patched, subresource, options, !apply);
      } catch (StaleWrite e) {
        if (attempt >= PATCH_ATTEMPTS) {
          throw ApiException.staleObject(type.group(), type.plural(), name);
        }
      }
    }
  }

  public WriteResult delete(ResourceType type, String namespace, String name, DeleteOptions delete,
      WriteOptions options) {
    for (int attempt = 1; ; attempt++) {
      StoredObject current = reads.getFromStore(type, namespace, name)
          .orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
      try {
        return deletion.deleteOne(type, current, delete, options.dryRun() || delete.dryRun());
      } catch (StaleWrite e) {
        if (attempt >= PATCH_ATTEMPTS) {
          throw ApiException.staleObject(type.group(), type.plural(), name);
        }
      }
    }
  }

  /** Deletes every object the list options select; returns those deleted or marked for deletion. */
  public List<ObjectNode> deleteCollection(ResourceType type, String namespace, ListOptions list, DeleteOptions delete,
      WriteOptions options) {
    List<ObjectNode> out = new ArrayList<>();
    for (StoredObject o : reads.list(type, namespace, list).items()) {
      try {
        out.add(delete(type, o.namespace().isEmpty() ? null : o.namespace(), o.name(), delete, options).object());
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    return out;
  }

  private WriteResult applyCreate(ResourceType type, String namespace, String name, JsonNode patch,
      WriteOptions options) {
    if (!(patch instanceof ObjectNode config)) {
      throw ApiException.badRequest("an apply configuration must be an object");
    }
    checkApplyIdentity(type, namespace, name, config);
    ObjectNode obj = fields.apply(type, null, config, options.fieldManager(), options.force(), null);
    ObjectRules.metadata(obj).put("name", name);
    JsonNode managed = obj.path("metadata").get("managedFields");
    ObjectRules.prepareForCreate(type, obj, namespace, clock.instant(), uids, random);
    if (managed != null) {
      ObjectRules.metadata(obj).set("managedFields", managed);
    }
    hooks.apply(type).onCreate(obj);
    List<String> warnings = admission.admit(type, obj, null, options);
    requireNamespace(type, namespace);
    WriteResult r = insert(type, obj, options, warnings);
    return r;
  }

  private void checkApplyIdentity(ResourceType type, String namespace, String name, ObjectNode config) {
    if (!config.path("apiVersion").isTextual() || !config.path("kind").isTextual()) {
      throw ApiException.badRequest("apiVersion and kind must be set in an apply configuration");
    }
    ObjectRules.checkTypeMeta(type, config.deepCopy());
    String n = config.path("metadata").path("name").asText("");
    if (!n.isEmpty() && !n.equals(name)) {
      throw ApiException.badRequest("the name of the object (" + n + ") does not match the name on the URL (" + name + ")");
    }
    String ns = config.path("metadata").path("namespace").asText("");
    if (type.namespaced() && !ns.isEmpty() && !ns.equals(namespace)) {
      throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
  }

  private WriteResult insert(ResourceType type, ObjectNode obj, WriteOptions options, List<String> warnings) {
    String name = obj.path("metadata").path("name").asText();
    String namespace = type.namespaced() ? obj.path("metadata").path("namespace").asText() : null;
    if (options.dryRun()) {
      return new WriteResult(201, obj, warnings);
    }
    try {
      long rev = StoreCalls.await(store.create(Keys.key(type, namespace, name), ObjectCodec.encode(obj), 0), timeout);
      ObjectCodec.withResourceVersion(obj, rev);
      hooks.apply(type).afterCommit(obj, false);
      return new WriteResult(201, obj, warnings);
    } catch (ConflictException e) {
      throw ApiException.alreadyExists(type.group(), type.plural(), name);
    }
  }

  private WriteResult replace(ResourceType type, StoredObject current, ObjectNode obj, String subresource,
      WriteOptions options) {
    return replace(type, current, obj, subresource, options, true);
  }

  private WriteResult replace(ResourceType type, StoredObject current, ObjectNode obj, String subresource,
      WriteOptions options, boolean track) {
    ObjectNode old = current.object();
    ObjectNode next;
    if ("status".equals(subresource)) {
      if (!type.statusSubresource()) {
        throw ApiException.notFound("the server could not find the requested resource");
      }
      ObjectRules.checkTypeMeta(type, obj);
      next = ObjectRules.prepareForStatusUpdate(obj, old);
    } else if (subresource != null) {
      throw ApiException.notFound("the server could not find the requested resource");
    } else {
      next = obj;
      ObjectRules.prepareForUpdate(type, next, old);
      hooks.apply(type).onUpdate(next, old);
      if (old.path("metadata").has("deletionTimestamp")) {
        List<String> added = new ArrayList<>();
        next.path("metadata").path("finalizers").forEach(f -> {
          if (!Deletion.hasFinalizer(old, f.asText())) {
            added.add(f.asText());
          }
        });
        if (!added.isEmpty()) {
          throw ApiException.invalid(type.group(), type.kind(), type.qualifiedKind(), current.name(),
              List.of(StatusCause.forbidden("metadata.finalizers", "no new finalizers can be added if the object is being deleted, found new finalizers " + added)));
        }
      }
    }
    List<String> warnings = admission.admit(type, next, old, options);
    if (subresource == null) {
      ObjectRules.bumpGeneration(type, next, old);
    }
    if (track) {
      fields.trackUpdate(type, old, next, options.fieldManager(), subresource);
    }
    ObjectRules.metadata(next).put("resourceVersion", Long.toString(current.revision()));
    if (sameIgnoringManagedTimes(old, next)) {
      return new WriteResult(200, current.copy(), warnings);
    }
    if (options.dryRun()) {
      return new WriteResult(200, next, warnings);
    }
    boolean deleting = next.path("metadata").has("deletionTimestamp");
    if (deleting && next.path("metadata").path("finalizers").size() == 0
        && !hooks.apply(type).onDelete(next.deepCopy())) {
      long rev = commits.delete(current);
      ObjectCodec.withResourceVersion(next, rev);
      hooks.apply(type).afterCommit(next, true);
      return new WriteResult(200, next, warnings);
    }
    long rev = commits.update(current, ObjectCodec.encode(next));
    ObjectCodec.withResourceVersion(next, rev);
    hooks.apply(type).afterCommit(next, false);
    return new WriteResult(200, next, warnings);
  }

  /** An object in a namespace needs that namespace to exist and not be terminating. */
  private void requireNamespace(ResourceType type, String namespace) {
    if (!type.namespaced()) {
      return;
    }
    ResourceType nsType = namespaceType();
    if (nsType == null) {
      return;
    }
    StoredObject ns = reads.cache(nsType).get(Keys.key(nsType, null, namespace), 0);
    if (ns == null) {
      ns = reads.getFromStore(nsType, null, namespace).orElse(null);
    }
    if (ns == null) {
      throw ApiException.notFound("", "namespaces", namespace);
    }
    if (ns.object().path("metadata").has("deletionTimestamp")) {
      throw new ApiException(403, "Forbidden", type.qualifiedResource() + " is forbidden: unable to create new content in namespace "
          + namespace + " because it is being terminated", ApiException.Details.of(null, type.group(), type.plural()));
    }
  }

  private volatile Supplier<ResourceType> namespaceTypeSupplier = () -> null;

  /** Where to find the Namespace type (the registry's current one). */
  public void namespaceType(Supplier<ResourceType> supplier) {
    this.namespaceTypeSupplier = supplier;
  }

  private ResourceType namespaceType() {
    return namespaceTypeSupplier.get();
  }

  private static ObjectNode mergeInto(ObjectNode scale, JsonNode config) {
    ObjectNode copy = scale.deepCopy();
    JsonNode replicas = config.path("spec").path("replicas");
    if (!replicas.isMissingNode()) {
      ((ObjectNode) copy.get("spec")).set("replicas", replicas);
    }
    return copy;
  }

  /** Equal apart from resourceVersion and managedFields timestamps: such a write changes nothing. */
  static boolean sameIgnoringManagedTimes(JsonNode old, ObjectNode next) {
    ObjectNode a = old.deepCopy();
    ObjectNode b = next.deepCopy();
    for (ObjectNode o : List.of(a, b)) {
      JsonNode meta = o.get("metadata");
      if (meta instanceof ObjectNode m) {
        m.remove("resourceVersion");
        if (m.get("managedFields") instanceof ArrayNode mf) {
          mf.forEach(e -> {
            if (e instanceof ObjectNode entry) {
              entry.remove("time");
            }
          });
        }
      }
    }
    return ObjectRules.sameValue(a, b);
  }
}
