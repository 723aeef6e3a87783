package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.agent.runtime.UnixUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whom a task runs as ({@code spec.user}) and the command that gets it there. Only root can run a
 * task as another user; the privileges are dropped by {@code runas.pl} right before the task's own
 * exec, so the wrapper above it stays root and can still write the task's status.
 */
public final class RunAs {
  public static final String NOT_FOUND = "UserNotFound";
  public static final String NOT_PERMITTED = "UserNotPermitted";
  private static final String SCRIPT = PerlScripts.load("runas.pl");

  private RunAs() {}

  /**
   * The user to switch to, or empty to run as the agent does (no {@code user}, or the agent's own).
   *
   * @param requested {@code spec.user}: a name or a numeric uid, or null
   * @param found the account of {@code requested}, empty when the node has none
   * @throws TaskLaunchException ({@link #NOT_FOUND}) for an unknown user, ({@link #NOT_PERMITTED})
   *     for another user than the agent's when the agent is not root
   */
  public static Optional<UnixUser> decide(String requested, long agentUid, Optional<UnixUser> found)
      throws TaskLaunchException {
    if (requested == null || requested.isEmpty()) {
      return Optional.empty();
    }
    if (found.isEmpty()) {
      throw new TaskLaunchException(NOT_FOUND, "runtime: user " + requested + " does not exist on this node");
    }
    UnixUser u = found.get();
    if (u.uid() == agentUid) {
      return Optional.empty();
    }
    if (agentUid != 0) {
      throw new TaskLaunchException(NOT_PERMITTED, "runtime: the agent runs as uid " + agentUid
          + ", not root, so it cannot run a task as user " + u);
    }
    return Optional.of(u);
  }

  /** {@code argv} run as {@code user}: {@code perl -e <runas.pl> <uid> <gid> <groups> -- argv}. */
  public static List<String> command(UnixUser user, List<String> argv) {
    List<String> cmd = new ArrayList<>(List.of("perl", "-e", SCRIPT, Long.toString(user.uid()),
        Long.toString(user.gid()), user.groups().stream().map(String::valueOf).collect(Collectors.joining(",")), "--"));
    cmd.addAll(argv);
    return cmd;
  }
}
