package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.ResourceReads;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code log} subresource of Tasks: {@code GET .../namespaces/{ns}/tasks/{name}/log}, proxied
 * to the agent of the task's node ({@code Node.status.agentURL}), which serves the sandbox's
 * stdout and stderr. Query: {@code follow}, {@code tailLines}, {@code container} ({@code stdout}
 * or {@code stderr}). Like Kubernetes' pod log, it is the one subresource that leaves the server.
 */
public final class TaskLogProxy {

  private static final Pattern PATH =
      Pattern.compile("^/apis/disponent\\.io/v1/namespaces/([^/]+)/tasks/([^/]+)/log/?$");

  private final Registry registry;
  private final ResourceReads reads;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TaskLogProxy(Registry registry, ResourceReads reads) {
    this.registry = registry;
    this.reads = reads;
  }

  public void install(ApiHttp http) {
    http.prefixRoute(this::handle);
  }

  boolean handle(Context ctx) throws IOException, InterruptedException {
    Matcher m = PATH.matcher(ctx.path());
    if (!m.matches()) {
      return false;
    }
    ResourceType tasks = type("tasks");
    ResourceType nodes = type("nodes");
    StoredObject task = reads.get(tasks, m.group(1), m.group(2), null);
    String nodeName = task.object().path("spec").path("nodeName").asText("");
    if (nodeName.isEmpty()) {
      throw ApiException.badRequest("task " + m.group(2) + " is not bound to a node yet: it has no logs");
    }
    JsonNode node = reads.get(nodes, null, nodeName, null).object();
    String agent = node.path("status").path("agentURL").asText("");
    if (agent.isEmpty()) {
      throw ApiException.unavailable("node " + nodeName + " does not say where its agent serves logs");
    }
    StringBuilder query = new StringBuilder();
    for (String p : List.of("follow", "tailLines", "container")) {
      String v = ctx.queryParam(p);
      if (v != null) {
        query.append(query.length() == 0 ? "?" : "&").append(p).append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    URI target = URI.create(agent + "/v1/tasks/" + m.group(1) + "/" + m.group(2) + "/log" + query);
    HttpResponse<InputStream> r;
    try {
      r = client.send(HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ApiException.unavailable("the agent of node " + nodeName + " cannot be reached: " + e.getMessage());
    }
    ctx.status(r.statusCode());
    ctx.res().setContentType(r.headers().firstValue("Content-Type").orElse("text/plain; charset=utf-8"));
    try (InputStream in = r.body()) {
      OutputStream out = ctx.res().getOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
        if (in.available() == 0) {
          out.flush();
        }
      }
      out.flush();
    }
    return true;
  }

  private ResourceType type(String plural) {
    return registry.snapshot().find("disponent.io", "v1", plural)
        .orElseThrow(() -> ApiException.notFound("the server could not find the requested resource"));
  }
}
