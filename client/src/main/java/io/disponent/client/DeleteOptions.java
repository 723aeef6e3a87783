package io.disponent.client;

/**
 * @param propagationPolicy Orphan, Background or Foreground; null for the server's default
 * @param uid precondition: delete only this incarnation; null for none
 * @param resourceVersion precondition: delete only at this version; null for none
 */
public record DeleteOptions(String propagationPolicy, String uid, String resourceVersion) {
  public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null);

  public static DeleteOptions propagation(String policy) {
    return new DeleteOptions(policy, null, null);
  }
}
