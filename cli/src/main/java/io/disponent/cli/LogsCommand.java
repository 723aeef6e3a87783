package io.disponent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a task's output through the API server's task log subresource. */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Print a task's stdout (or stderr) through the API server.")
final class LogsCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The task's name.")
  String task;

  @Option(names = {"-n", "--namespace"}, description = "The task's namespace (default: the kubeconfig's, else default).")
  String namespace;

  @Option(names = {"-f", "--follow"}, description = "Stream new output until the task ends or Ctrl-C.")
  boolean follow;

  @Option(names = "--tail", description = "Only the last N lines.")
  Integer tail;

  @Option(names = "--stderr", description = "Print stderr instead of stdout.")
  boolean stderr;

  @Mixin
  TargetOptions target = new TargetOptions();

  @Override
  public Integer call() throws Exception {
    ApiTarget api = ApiTarget.resolve(target, namespace);
    StringBuilder q = new StringBuilder("?container=").append(stderr ? "stderr" : "stdout");
    if (follow) {
      q.append("&follow=true");
    }
    if (tail != null) {
      q.append("&tailLines=").append(tail);
    }
    String path = "/apis/disponent.io/v1/namespaces/" + enc(api.namespace()) + "/tasks/" + enc(task) + "/log" + q;
    HttpResponse<InputStream> r = firstAnswer(api.servers(), path);
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String message = body;
        try {
          message = new ObjectMapper().readTree(body).path("message").asText(body);
        } catch (Exception notJson) {
          // plain text
        }
        System.err.println("disponent logs: " + r.statusCode() + ": " + message.trim());
        return 1;
      }
      OutputStream out = System.out;
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    }
    return 0;
  }

  /** The answer of the first member that takes the connection, in order (a stream is not resumed elsewhere). */
  private static HttpResponse<InputStream> firstAnswer(List<String> servers, String path)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ConnectException last = null;
    for (String server : servers) {
      try {
        return http.send(HttpRequest.newBuilder(URI.create(server + path)).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
      } catch (ConnectException e) {
        last = e;
      }
    }
    throw last;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
