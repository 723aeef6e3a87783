package io.disponent.apiserver.internal.auth;

import java.util.List;
import java.util.Map;

/**
 * Who a request came as, as Kubernetes' {@code user.Info}: what the review APIs answer for.
 *
 * @param uid empty when the authenticator knows none
 */
public record UserInfo(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

  /** Every request today: no authentication is configured. */
  public static final UserInfo ANONYMOUS =
      new UserInfo("system:anonymous", "", List.of("system:unauthenticated"), Map.of());

  public UserInfo {
    groups = List.copyOf(groups);
    extra = Map.copyOf(extra);
  }
}
