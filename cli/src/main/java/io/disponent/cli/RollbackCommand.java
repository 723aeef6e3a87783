package io.disponent.cli;

import io.disponent.client.ApiClient;
import io.disponent.controllers.Rollback;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code disponent rollback services/NAME [--to-revision N]}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Roll a Service back to an earlier revision of its template (default: the previous one).")
final class RollbackCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "services/NAME", description = "The Service, as services/NAME or NAME.")
  String service;

  @Option(names = "--to-revision", description = "The revision to restore (see the Service's revision history).")
  Integer toRevision;

  @Option(names = {"-n", "--namespace"}, description = "The Service's namespace (default: the kubeconfig's).")
  String namespace;

  @Mixin
  TargetOptions target = new TargetOptions();

  @Override
  public Integer call() throws Exception {
    String name = service.contains("/") ? service.substring(service.indexOf('/') + 1) : service;
    String kind = service.contains("/") ? service.substring(0, service.indexOf('/')) : "services";
    if (!kind.equals("services") && !kind.equals("service") && !kind.equals("services.disponent.io")
        && !kind.equals("dsvc")) {
      System.err.println("error: only services can be rolled back, not " + kind);
      return 2;
    }
    ApiTarget api = ApiTarget.resolve(target, namespace);
    try (ApiClient client = new ApiClient(api.clientConfig())) {
      int revision = Rollback.to(client, api.namespace(), name, toRevision);
      System.out.printf("service.disponent.io/%s rolled back to revision %d%n", name, revision);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
