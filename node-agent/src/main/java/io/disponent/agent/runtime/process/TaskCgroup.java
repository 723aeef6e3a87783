package io.disponent.agent.runtime.process;

import java.util.List;

/** A task's cgroup directories (v1: memory then cpu; v2: one), as recorded in the checkpoint. */
public record TaskCgroup(String version, List<String> dirs, long memoryLimitBytes) {}
