package io.disponent.client;

import java.util.Set;

/**
 * A resource as discovery describes it: where it is served, its kind and the verbs it supports.
 *
 * @param gvr group, preferred version, plural and scope
 * @param kind the kind of its objects
 * @param verbs what the server allows on it ({@code get}, {@code list}, {@code watch}, {@code delete}, ...)
 */
public record ApiResource(Gvr gvr, String kind, Set<String> verbs) {

  public ApiResource {
    verbs = Set.copyOf(verbs);
  }

  /** Whether a collector can follow it: it can be listed, watched and deleted. */
  public boolean collectable() {
    return verbs.containsAll(Set.of("list", "watch", "delete"));
  }
}
