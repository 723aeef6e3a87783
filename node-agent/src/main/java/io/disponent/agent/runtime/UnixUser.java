package io.disponent.agent.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A Unix account a task runs as: what {@code setgroups}, {@code setgid} and {@code setuid} need.
 *
 * @param groups the supplementary gids ({@code id -G}), the primary one included
 */
public record UnixUser(String name, long uid, long gid, List<Long> groups) {
  public UnixUser {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /**
   * The account from a {@code passwd} line ({@code name:x:uid:gid:gecos:home:shell}, as {@code getent
   * passwd} prints it) and the output of {@code id -G} (gids separated by blanks).
   *
   * @throws IllegalArgumentException when the line is not a passwd entry
   */
  public static UnixUser parse(String passwdLine, String idGroups) {
    String[] f = passwdLine.trim().split(":", -1);
    if (f.length < 4 || f[0].isEmpty()) {
      throw new IllegalArgumentException("not a passwd entry: " + passwdLine.trim());
    }
    long uid;
    long gid;
    try {
      uid = Long.parseLong(f[2]);
      gid = Long.parseLong(f[3]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a passwd entry: " + passwdLine.trim(), e);
    }
    List<Long> groups = new ArrayList<>();
    for (String g : idGroups == null ? new String[0] : idGroups.trim().split("\\s+")) {
      if (!g.isEmpty()) {
        groups.add(Long.parseLong(g));
      }
    }
    return new UnixUser(f[0], uid, gid, groups);
  }

  @Override
  public String toString() {
    return name + " (uid " + uid + ", gid " + gid + ")";
  }
}
