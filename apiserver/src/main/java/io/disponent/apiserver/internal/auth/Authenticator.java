package io.disponent.apiserver.internal.auth;

import java.util.function.Function;

/**
 * Tells who a request came as, from its headers. The one seam authentication fills: until it
 * exists every request is {@link UserInfo#ANONYMOUS}.
 */
@FunctionalInterface
public interface Authenticator {

  Authenticator ANONYMOUS = headers -> UserInfo.ANONYMOUS;

  /** @param headers a request header by name, null when absent */
  UserInfo user(Function<String, String> headers);
}
