package io.disponent.apiserver.internal.discovery;

import java.util.List;

/** The verbs every served subresource supports (a resource's own are {@code ResourceType.verbs()}). */
final class Verbs {

  static final List<String> SUBRESOURCE = List.of("get", "patch", "update");

  private Verbs() {}
}
