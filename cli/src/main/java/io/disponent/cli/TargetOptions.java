package io.disponent.cli;

import picocli.CommandLine.Option;

/** The options that choose the API server of a user command, as kubectl's. */
final class TargetOptions {
  @Option(names = "--server", paramLabel = "URL[,URL...]", description = "API server URL, or every control-plane "
      + "member's, comma-separated: the client fails over from one to the next (default: the kubeconfig context's"
      + " server, then the members its servers.disponent.io extension lists).")
  String server;

  @Option(names = "--kubeconfig", description = "The kubeconfig file (default: $KUBECONFIG, colon-separated files"
      + " merged as kubectl does, else ~/.disponent/kubeconfig).")
  String kubeconfig;

  @Option(names = "--context", description = "The kubeconfig context to use (default: its current-context).")
  String context;
}
