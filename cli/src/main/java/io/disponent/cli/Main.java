package io.disponent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code disponent} command. */
@Command(name = "disponent", mixinStandardHelpOptions = true, version = "disponent 0.1.0",
    description = "A datacenter operating system.",
    subcommands = {UpCommand.class, ServerCommand.class, StoreCommand.class, AgentCommand.class, LogsCommand.class,
        RollbackCommand.class, NodeCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
