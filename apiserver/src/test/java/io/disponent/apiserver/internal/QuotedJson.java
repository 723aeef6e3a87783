package io.disponent.apiserver.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON objects written in tests with single quotes, to spare the escapes. */
public final class QuotedJson {

  private static final ObjectMapper M = new ObjectMapper();

  private QuotedJson() {}

  /** Parses {@code json} after turning every {@code '} into {@code "}. */
  public static ObjectNode obj(String json) {
    try {
      return (ObjectNode) M.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
