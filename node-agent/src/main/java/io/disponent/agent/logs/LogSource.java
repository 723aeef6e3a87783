package io.disponent.agent.logs;

import java.util.function.BooleanSupplier;

/** Where a task's output is, and whether its process has ended (a follow then stops). */
public record LogSource(LogFiles files, BooleanSupplier ended) {}
