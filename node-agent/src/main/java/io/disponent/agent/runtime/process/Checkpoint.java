package io.disponent.agent.runtime.process;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.UnixUser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * What a restarted agent needs to re-adopt a task, in {@code <sandbox>/.disponent/checkpoint.json}.
 * Written (atomically, fsynced) before the process is spawned with {@code wrapperPid} 0, and again
 * once the wrapper runs; {@code wrapperStartTime} (field 22 of {@code /proc/<pid>/stat}) tells the
 * wrapper from a later process that got the same pid. {@code runAs} is the account the task (and
 * its command checks) run as, null for the agent's own.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Checkpoint(
    int version,
    LaunchSpec launch,
    String sandbox,
    long wrapperPid,
    long wrapperStartTime,
    TaskCgroup cgroup,
    String launchedAt,
    UnixUser runAs) {
  static final String FILE = "checkpoint.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  Checkpoint withWrapper(long pid, long startTime) {
    return new Checkpoint(version, launch, sandbox, pid, startTime, cgroup, launchedAt, runAs);
  }

  static String toJson(Checkpoint c) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c);
  }

  static Checkpoint fromJson(String json) throws IOException {
    return JSON.readValue(json, Checkpoint.class);
  }

  void write(Path stateDir) throws IOException {
    Path tmp = stateDir.resolve(FILE + ".tmp");
    Files.writeString(tmp, toJson(this));
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static Checkpoint read(Path stateDir) throws IOException {
    return fromJson(Files.readString(stateDir.resolve(FILE)));
  }
}
