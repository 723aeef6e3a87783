package io.disponent.bench;

import io.disponent.store.Member;
import io.disponent.store.Store;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects to a running Disponent store. StoreClients.connect is called reflectively so this
 * module builds before the replicated client lands; once it has, this can become a direct call.
 */
final class DisponentConnector {
  private DisponentConnector() {}

  /** {@code spec} is {@code id=host:port,...}. */
  static Store connect(String spec) {
    List<Member> members = parseMembers(spec);
    try {
      Object store = Class.forName("io.disponent.store.StoreClients")
          .getMethod("connect", List.class)
          .invoke(null, members);
      return (Store) store;
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("this build has no io.disponent.store.StoreClients.connect(List<Member>)", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot connect to " + spec, e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Member> parseMembers(String spec) {
    List<Member> members = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] idAddress = part.trim().split("=", 2);
      if (idAddress.length != 2 || idAddress[0].isEmpty() || idAddress[1].isEmpty()) {
        throw new IllegalArgumentException("expected id=host:port, got " + part);
      }
      members.add(new Member(idAddress[0], idAddress[1]));
    }
    return members;
  }
}
