package io.disponent.apiserver.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.disponent.apiserver.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Kubernetes-style JSONPath as CRDs use it ({@code .spec.nodeName},
 * {@code .status.conditions[?(@.type=="Ready")].status}, {@code .status.ports[*].hostPort}),
 * evaluated over Jackson trees. Thread-safe; compiled paths are cached.
 */
public final class JsonPaths {

  /** Paths come from CRDs, so the cache stays small; past this bound paths are compiled per call. */
  private static final int CACHE_LIMIT = 1024;

  private static final Pattern SIMPLE = Pattern.compile("(\\.[A-Za-z0-9_$-]+)+");

  private static final Configuration CONFIG = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
      .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
      .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
      .build();

  private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();
  private static final Map<String, String[]> SPLIT = new ConcurrentHashMap<>();

  private JsonPaths() {}

  /**
   * Every value the path selects, in document order; empty when nothing matches. Never throws for
   * a missing field; a path that does not parse throws {@link IllegalArgumentException}.
   *
   * @param path a Kubernetes JSONPath with or without the surrounding braces ({@code {.spec.x}})
   */
  public static List<JsonNode> evaluate(JsonNode root, String path) {
    if (isSimple(path)) {
      JsonNode found = simple(root, path);
      return found.isMissingNode() ? List.of() : List.of(found);
    }
    Object result = compile(path).read(root, CONFIG);
    List<JsonNode> values = new ArrayList<>();
    if (result instanceof JsonNode node) {
      if (node.isArray()) {
        node.forEach(values::add);
      } else if (!node.isMissingNode()) {
        values.add(node);
      }
    }
    return values;
  }

  /** Checks that a path parses (for CRD validation); throws {@link IllegalArgumentException}. */
  public static void validate(String path) {
    compile(path);
  }

  /** Whether the path is a plain dotted field path that {@link #simple} can walk. */
  public static boolean isSimple(String path) {
    return SIMPLE.matcher(path).matches();
  }

  /**
   * Walks a plain dotted path ({@code .spec.nodeName}, leading dot optional) without JSONPath
   * machinery; for hot paths such as field selectors.
   *
   * @return the value, or {@link MissingNode} when any step is absent or not an object
   */
  public static JsonNode simple(JsonNode root, String dottedPath) {
    JsonNode node = root;
    for (String step : steps(dottedPath)) {
      if (node == null || !node.isObject()) {
        return MissingNode.getInstance();
      }
      node = node.get(step);
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  /**
   * Sets the value at a plain dotted path, creating missing intermediate objects (the scale
   * subresource writing {@code .spec.instances}).
   *
   * @throws IllegalArgumentException when an intermediate value exists and is not an object
   */
  public static void set(ObjectNode root, String dottedPath, JsonNode value) {
    String[] steps = steps(dottedPath);
    if (steps.length == 0) {
      throw new IllegalArgumentException("empty path");
    }
    ObjectNode node = root;
    for (int i = 0; i < steps.length - 1; i++) {
      JsonNode next = node.get(steps[i]);
      if (next == null || next.isNull()) {
        node = node.putObject(steps[i]);
      } else if (next instanceof ObjectNode object) {
        node = object;
      } else {
        throw new IllegalArgumentException(dottedPath + ": ." + steps[i] + " is not an object");
      }
    }
    node.set(steps[steps.length - 1], value);
  }

  private static String[] steps(String dottedPath) {
    return SPLIT.computeIfAbsent(dottedPath, JsonPaths::split);
  }

  private static String[] split(String dottedPath) {
    String trimmed = stripBraces(dottedPath);
    if (trimmed.startsWith(".")) {
      trimmed = trimmed.substring(1);
    }
    if (trimmed.isEmpty()) {
      return new String[0];
    }
    String[] steps = trimmed.split("\\.", -1);
    for (String step : steps) {
      if (step.isEmpty()) {
        throw new IllegalArgumentException("invalid field path " + dottedPath);
      }
    }
    return steps;
  }

  private static JsonPath compile(String path) {
    JsonPath cached = COMPILED.get(path);
    if (cached != null) {
      return cached;
    }
    JsonPath compiled = doCompile(path);
    if (COMPILED.size() < CACHE_LIMIT) {
      COMPILED.putIfAbsent(path, compiled);
    }
    return compiled;
  }

  private static JsonPath doCompile(String path) {
    String body = stripBraces(path);
    if (body.startsWith("$")) {
      body = body.substring(1);
    }
    if (!body.isEmpty() && !body.startsWith(".") && !body.startsWith("[")) {
      body = "." + body;
    }
    try {
      return JsonPath.compile("$" + body);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid JSONPath " + path + ": " + e.getMessage(), e);
    }
  }

  private static String stripBraces(String path) {
    String trimmed = path.trim();
    if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
      return trimmed.substring(1, trimmed.length() - 1).trim();
    }
    return trimmed;
  }
}
