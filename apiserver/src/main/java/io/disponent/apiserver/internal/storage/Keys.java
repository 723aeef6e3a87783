package io.disponent.apiserver.internal.storage;

import io.disponent.apiserver.internal.registry.ResourceType;

/**
 * Where objects live in the store: {@code /registry/<group>/<plural>/<namespace>/<name>}, or
 * without the namespace for cluster-scoped kinds; the core group is spelled {@code core}. Every
 * version of a resource shares its keys.
 */
public final class Keys {

  private Keys() {}

  /** The prefix of every object of the resource. */
  public static String resourcePrefix(ResourceType type) {
    return "/registry/" + (type.group().isEmpty() ? "core" : type.group()) + "/" + type.plural() + "/";
  }

  /** The prefix of the objects of one namespace, or of every object when {@code namespace} is null. */
  public static String prefix(ResourceType type, String namespace) {
    return type.namespaced() && namespace != null ? resourcePrefix(type) + namespace + "/" : resourcePrefix(type);
  }

  public static String key(ResourceType type, String namespace, String name) {
    return type.namespaced() ? resourcePrefix(type) + namespace + "/" + name : resourcePrefix(type) + name;
  }
}
