package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads request bodies: at most {@link #MAX_BYTES} (413 beyond), JSON or YAML by Content-Type
 * (400 with the position when malformed), YAML without alias bombs or deep nesting.
 */
public final class Bodies {

  /** Kubernetes' limit on request bodies. */
  public static final int MAX_BYTES = 3 * 1024 * 1024;

  private static final ObjectMapper YAML = yamlMapper();
  private static final ObjectReader YAML_READER = YAML.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader LENIENT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader STRICT = LENIENT.with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Logger LOG = LoggerFactory.getLogger(Bodies.class);

  private Bodies() {}

  private static ObjectMapper yamlMapper() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(Json.MAX_NESTING);
    options.setCodePointLimit(MAX_BYTES + 1);
    options.setAllowDuplicateKeys(false);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
    factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_NESTING).build());
    return new ObjectMapper(factory);
  }

  /**
   * The body's bytes, refusing more than the limit. A body that cannot be read (a broken chunk, a connection that
   * ends before Content-Length) is the client's fault: 400; one that stops arriving: 408 once the idle timeout passes.
   */
  public static byte[] readBytes(InputStream in, long contentLength) {
    if (contentLength > MAX_BYTES) {
      throw tooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 1024);
    byte[] buf = new byte[16 * 1024];
    int total = 0;
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > MAX_BYTES) {
          throw tooLarge();
        }
        out.write(buf, 0, n);
      }
    } catch (ApiException e) {
      throw e;
    } catch (IOException e) {
      throw unreadable(e, total);
    } catch (RuntimeException e) {
      if (e instanceof BadMessageException) { // Jetty's verdict on the bytes the client sent, e.g. a bad chunk size
        throw unreadable(e, total);
      }
      throw e;
    }
    return out.toByteArray();
  }

  private static ApiException unreadable(Exception e, int read) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        LOG.info("request body stalled after {} bytes: {}", read, e.toString());
        return new ApiException(408, "Timeout", "the request body did not arrive in time (" + read + " bytes read)",
            null);
      }
    }
    LOG.info("request body unreadable after {} bytes: {}", read, e.toString());
    return ApiException.badRequest("the request body could not be read after " + read + " bytes: " + e.getMessage());
  }

  /** A parsed body and the fields its JSON had twice in one object (YAML's parser refuses those itself). */
  public record Parsed(JsonNode node, List<String> duplicateFields) {}

  /**
   * As {@link #parse}, also finding duplicated fields. The common body has none and is parsed once, with Jackson's
   * duplicate detection on; only a body that trips it is read again, for the paths and with the last value winning.
   */
  public static Parsed parseChecked(byte[] body, String contentType) {
    if (mediaType(contentType).endsWith("yaml")) {
      return new Parsed(parse(body, contentType), List.of());
    }
    try {
      return new Parsed(parse(body, contentType, STRICT), List.of());
    } catch (DuplicateField e) {
      return new Parsed(parse(body, contentType), DuplicateFields.in(body));
    }
  }

  /** Parses a body by its media type (parameters ignored); an empty body is a 400. */
  public static JsonNode parse(byte[] body, String contentType) {
    return parse(body, contentType, LENIENT);
  }

  private static JsonNode parse(byte[] body, String contentType, ObjectReader json) {
    String media = mediaType(contentType);
    if (media.contains("protobuf") || media.contains("cbor")) {
      throw ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: "
          + "application/json, application/yaml");
    }
    boolean yaml = media.endsWith("yaml");
    if (!yaml && !media.isEmpty() && !media.endsWith("json")) {
      throw ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: "
          + "application/json, application/yaml");
    }
    if (body.length == 0) {
      throw ApiException.badRequest("the request body is empty");
    }
    try {
      if (yaml) {
        refuseAliases(body);
      }
      JsonNode node = (yaml ? YAML_READER : json).readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest("the request body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      if (json == STRICT && e.getOriginalMessage().startsWith("Duplicate field")) {
        throw new DuplicateField();
      }
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw ApiException.badRequest((yaml ? "yaml" : "json") + ": the body could not be decoded" + where + ": "
          + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException a) {
        throw a;
      }
      // SnakeYAML reports alias and nesting limits as its own runtime exceptions.
      throw ApiException.badRequest("yaml: the body could not be decoded: " + e.getMessage());
    }
  }

  /**
   * YAML aliases are refused: Jackson would read them as their anchor's name, silently changing
   * the document, and expanding them invites alias bombs.
   */
  private static void refuseAliases(byte[] body) throws IOException {
    try (com.fasterxml.jackson.dataformat.yaml.YAMLParser p =
        (com.fasterxml.jackson.dataformat.yaml.YAMLParser) YAML.getFactory().createParser(body)) {
      while (p.nextToken() != null) {
        if (p.isCurrentAlias()) {
          JsonLocation at = p.currentLocation();
          throw ApiException.badRequest("yaml: aliases are not supported (line " + at.getLineNr() + ", column "
              + at.getColumnNr() + ")");
        }
      }
    }
  }

  public static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** A JSON body with a field twice in one object, met by the strict parse. */
  private static final class DuplicateField extends RuntimeException {
    DuplicateField() {
      super(null, null, false, false);
    }
  }

  private static ApiException tooLarge() {
    return ApiException.tooLarge("the request body is too large: the limit is " + MAX_BYTES + " bytes");
  }
}
