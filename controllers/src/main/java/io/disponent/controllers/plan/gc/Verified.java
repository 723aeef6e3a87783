package io.disponent.controllers.plan.gc;

import java.util.Set;

/**
 * What reads of the server told about owners missing from the graph.
 *
 * @param absent owner uids the server does not have (gone, or the name holds another uid)
 * @param present owner uids the server has though the graph does not (yet)
 */
public record Verified(Set<String> absent, Set<String> present) {
  public static final Verified NOTHING = new Verified(Set.of(), Set.of());
}
