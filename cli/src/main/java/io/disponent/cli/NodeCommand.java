package io.disponent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.Gvr;
import io.disponent.client.PatchType;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.TaskStates;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code disponent node cordon|uncordon|drain NAME}. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Cordon, uncordon or drain a node.",
    subcommands = {NodeCommand.Cordon.class, NodeCommand.Uncordon.class, NodeCommand.Drain.class})
final class NodeCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  abstract static class Base implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The node.")
    String name;

    @Mixin
    TargetOptions target = new TargetOptions();

    ApiClient client() throws java.io.IOException {
      return new ApiClient(ApiTarget.resolve(target, null).clientConfig());
    }

    static JsonNode mark(ApiClient client, String node, boolean unschedulable, String drain) {
      ObjectNode patch = JSON.createObjectNode();
      patch.putObject("spec").put("unschedulable", unschedulable);
      ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
      if (drain == null) {
        annotations.putNull(Annotations.DRAIN);
      } else {
        annotations.put(Annotations.DRAIN, drain);
      }
      return client.patch(Gvr.NODES, null, node, PatchType.MERGE, patch);
    }
  }

  @Command(name = "cordon", mixinStandardHelpOptions = true, description = "Place no new tasks on the node.")
  static final class Cordon extends Base {
    @Override
    public Integer call() throws Exception {
      try (ApiClient client = client()) {
        mark(client, name, true, null);
        System.out.println("node.disponent.io/" + name + " cordoned");
        return 0;
      }
    }
  }

  @Command(name = "uncordon", mixinStandardHelpOptions = true, description = "Let tasks be placed on the node again.")
  static final class Uncordon extends Base {
    @Override
    public Integer call() throws Exception {
      try (ApiClient client = client()) {
        mark(client, name, false, null);
        System.out.println("node.disponent.io/" + name + " uncordoned");
        return 0;
      }
    }
  }

  @Command(name = "drain", mixinStandardHelpOptions = true,
      description = "Cordon the node and move its tasks elsewhere, each replacement healthy before the old task"
          + " is killed (drain with surge); waits until the node runs no task.")
  static final class Drain extends Base {
    @Option(names = "--timeout", description = "How long to wait, in seconds (default 600; 0 = do not wait).")
    long timeoutSeconds = 600;

    @Override
    public Integer call() throws Exception {
      try (ApiClient client = client()) {
        mark(client, name, true, "true");
        System.out.println("node.disponent.io/" + name + " cordoned, draining");
        if (timeoutSeconds == 0) {
          return 0;
        }
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        long left;
        while ((left = remaining(client)) > 0) {
          if (Instant.now().isAfter(deadline)) {
            System.err.println("error: " + left + " task(s) still on " + name + " after " + timeoutSeconds + " s");
            return 1;
          }
          Thread.sleep(Duration.ofSeconds(1).toMillis());
        }
        System.out.println("node.disponent.io/" + name + " drained");
        return 0;
      }
    }

    private long remaining(ApiClient client) {
      return client.list(Gvr.TASKS, null, null, "spec.nodeName=" + name).items().stream()
          .filter(t -> !TaskStates.terminal(t.path("status").path("state").asText(null)))
          .count();
    }
  }
}
