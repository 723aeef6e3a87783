package io.disponent.agent.tasks;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Where a task's output is, and whether its process has ended (a follow then stops). */
public record LogSource(Path sandbox, BooleanSupplier ended) {}
