package io.disponent.apiserver.internal.discovery;

import java.util.List;

/** The verbs every served resource and subresource supports. */
final class Verbs {

  static final List<String> RESOURCE =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  static final List<String> SUBRESOURCE = List.of("get", "patch", "update");

  private Verbs() {}
}
