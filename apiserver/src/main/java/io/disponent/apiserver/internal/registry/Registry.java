package io.disponent.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.crd.CrdConditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The resources the server serves right now: the built-in definitions plus every stored CRD.
 * Readers see an immutable snapshot; a CRD change swaps it and notifies listeners (discovery,
 * OpenAPI and the watch caches rebuild from it).
 *
 * <p>Thread-safe. Writers are serialized by the monitor; readers never lock.
 */
public final class Registry {

  /** A served resource's identity in URLs. */
  public record Gvr(String group, String version, String plural) {}

  private final Map<String, List<ResourceType>> builtin = new LinkedHashMap<>();
  private final Map<String, List<ResourceType>> custom = new LinkedHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile Snapshot snapshot = new Snapshot(List.of());

  /** An immutable view of every served resource. */
  public static final class Snapshot {
    private final List<ResourceType> all;
    private final Map<Gvr, ResourceType> byGvr = new LinkedHashMap<>();

    Snapshot(List<ResourceType> all) {
      this.all = List.copyOf(all);
      for (ResourceType t : all) {
        byGvr.putIfAbsent(new Gvr(t.group(), t.version(), t.plural()), t);
      }
    }

    public List<ResourceType> all() {
      return all;
    }

    public Optional<ResourceType> find(String group, String version, String plural) {
      return Optional.ofNullable(byGvr.get(new Gvr(group, version, plural)));
    }

    /** The storage version of a group's resource, whichever version was asked for. */
    public Optional<ResourceType> storageType(String group, String plural) {
      return all.stream().filter(t -> t.group().equals(group) && t.plural().equals(plural) && t.storageVersion())
          .findFirst();
    }

    public boolean servesVersion(String group, String version) {
      return all.stream().anyMatch(t -> t.group().equals(group) && t.version().equals(version));
    }
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** Defines a built-in resource; a stored CRD of the same name cannot replace it. */
  public synchronized void defineBuiltin(JsonNode crd) {
    builtin.put(crd.path("metadata").path("name").asText(), ResourceTypes.fromCrd(crd));
    publish();
  }

  /** Defines built-in resources that no CRD describes (the review APIs); {@code name} keys them as a CRD name would. */
  public synchronized void defineBuiltin(String name, List<ResourceType> types) {
    builtin.put(name, List.copyOf(types));
    publish();
  }

  /** Serves (or re-serves, after a change) a stored CRD; one whose names were not accepted is not served. */
  public synchronized void put(JsonNode crd) {
    String name = crd.path("metadata").path("name").asText();
    if (builtin.containsKey(name)) {
      return;
    }
    if (!CrdConditions.servable(crd)) {
      remove(name);
      return;
    }
    custom.put(name, ResourceTypes.fromCrd(crd));
    publish();
  }

  public synchronized void remove(String crdName) {
    if (custom.remove(crdName) != null) {
      publish();
    }
  }

  public synchronized boolean isBuiltin(String group, String plural) {
    return builtin.values().stream().flatMap(List::stream)
        .anyMatch(t -> t.group().equals(group) && t.plural().equals(plural));
  }

  private void publish() {
    List<ResourceType> all = new ArrayList<>();
    builtin.values().forEach(all::addAll);
    List<ResourceType> customs = new ArrayList<>();
    custom.values().forEach(customs::addAll);
    customs.sort(Comparator.comparing(ResourceType::group).thenComparing(ResourceType::plural));
    all.addAll(customs);
    snapshot = new Snapshot(all);
    listeners.forEach(Runnable::run);
  }
}
