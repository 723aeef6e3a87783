package io.disponent.apiserver.internal.discovery;

import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Served resources grouped as discovery lists them: groups by name, versions by priority, resources by plural. */
final class GroupVersions {

  private GroupVersions() {}

  /** group -> (version, highest priority first) -> resources sorted by plural. */
  static Map<String, Map<String, List<ResourceType>>> of(List<ResourceType> types) {
    Map<String, Map<String, List<ResourceType>>> groups = new TreeMap<>();
    for (ResourceType type : types) {
      groups.computeIfAbsent(type.group(), g -> new TreeMap<>(VersionPriority.INSTANCE))
          .computeIfAbsent(type.version(), v -> new ArrayList<>())
          .add(type);
    }
    groups.values().forEach(versions ->
        versions.values().forEach(list -> list.sort(Comparator.comparing(ResourceType::plural))));
    return groups;
  }
}
