package io.disponent.controllers.plan.gc;

/**
 * One entry of a dependent's {@code metadata.ownerReferences}.
 *
 * @param blockOwnerDeletion whether a foreground deletion of the owner waits for this dependent
 */
public record OwnerRef(String uid, String apiVersion, String kind, String name, boolean blockOwnerDeletion) {

  /** The API group of the owner's kind ("" for core). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
