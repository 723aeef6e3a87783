package io.disponent.bench;

import java.nio.charset.StandardCharsets;

/**
 * The Task objects the API bench creates: valid against tasks.disponent.io (command, env,
 * resources, ports), padded with one env value to {@link #BYTES} bytes of JSON for a name of
 * {@link #NAME_LENGTH} characters. The bytes are the POST body, and what the store-only runs put.
 */
final class TaskBodies {
  static final int BYTES = 1024;
  static final int NAME_LENGTH = 16;

  private TaskBodies() {}

  /** A unique DNS-1123 name of exactly {@link #NAME_LENGTH} characters: {@code tag-000000123}. */
  static String name(String tag, long seq) {
    String digits = Long.toString(seq);
    int zeros = NAME_LENGTH - tag.length() - 1 - digits.length();
    if (zeros < 0) {
      throw new IllegalArgumentException("name too long: " + tag + "-" + digits);
    }
    return tag + "-" + "0".repeat(zeros) + digits;
  }

  static byte[] task(String name) {
    String head = "{\"apiVersion\":\"disponent.io/v1\",\"kind\":\"Task\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"default\",\"labels\":{\"app\":\"bench\",\"tier\":\"api\"}},"
        + "\"spec\":{\"command\":[\"/usr/bin/bench-worker\",\"--listen=$PORT_HTTP\",\"--metrics=$PORT_METRICS\","
        + "\"--log-level=info\",\"--cache-size=256Mi\"],"
        + "\"env\":[{\"name\":\"APP_MODE\",\"value\":\"benchmark\"},{\"name\":\"APP_REGION\",\"value\":\"eu-central\"},"
        + "{\"name\":\"APP_ZONE\",\"value\":\"eu-central-1a\"},{\"name\":\"APP_RELEASE\",\"value\":\"2024.11.3\"},"
        + "{\"name\":\"APP_FEATURES\",\"value\":\"alpha,beta,gamma,delta\"},"
        + "{\"name\":\"JAVA_OPTS\",\"value\":\"-Xmx192m -XX:+UseSerialGC\"},{\"name\":\"PADDING\",\"value\":\"";
    String tail = "\"}],"
        + "\"resources\":{\"cpus\":\"250m\",\"memory\":\"256Mi\",\"disk\":\"1Gi\"},"
        + "\"ports\":[{\"name\":\"http\",\"protocol\":\"TCP\"},{\"name\":\"metrics\",\"protocol\":\"TCP\"},"
        + "{\"name\":\"admin\",\"protocol\":\"TCP\"}]}}";
    int pad = BYTES - head.length() - tail.length();
    if (pad < 0) {
      throw new IllegalStateException("Task template is longer than " + BYTES + " bytes");
    }
    StringBuilder b = new StringBuilder(BYTES).append(head);
    for (int i = 0; i < pad; i++) {
      b.append((char) ('a' + i % 26));
    }
    return b.append(tail).toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Makes bodies by writing each name over a placeholder of a body made once. */
  static final class Template {
    private final byte[] template = task("x".repeat(NAME_LENGTH));
    private final int nameAt = indexOf(template, "\"name\":\"" + "x".repeat(NAME_LENGTH)) + 8;

    byte[] body(String name) {
      if (name.length() != NAME_LENGTH) {
        throw new IllegalArgumentException("names are " + NAME_LENGTH + " characters: " + name);
      }
      byte[] b = template.clone();
      byte[] n = name.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(n, 0, b, nameAt, n.length);
      return b;
    }

    private static int indexOf(byte[] a, String s) {
      byte[] needle = s.getBytes(StandardCharsets.US_ASCII);
      outer:
      for (int i = 0; i + needle.length <= a.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (a[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      throw new IllegalStateException("no name in the template");
    }
  }
}
