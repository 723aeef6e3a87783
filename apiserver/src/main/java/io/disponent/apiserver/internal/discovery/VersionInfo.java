package io.disponent.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;

/**
 * The {@code /version} body. Minor 31 on purpose: the kubectl dispatcher then runs kubectl 1.31,
 * which sends JSON where 1.32 sends protobuf ({@code kubectl create namespace}).
 */
public final class VersionInfo {

  public static final String MAJOR = "1";
  public static final String MINOR = "31";
  public static final String GIT_VERSION = "v1.31.0-disponent.0.1.0";

  private VersionInfo() {}

  /**
   * @param gitCommit the build's commit, or empty
   * @param buildDate RFC 3339, e.g. {@code 2025-01-31T12:00:00Z}
   */
  public static ObjectNode body(String gitCommit, String buildDate) {
    return Json.object()
        .put("major", MAJOR)
        .put("minor", MINOR)
        .put("gitVersion", GIT_VERSION)
        .put("gitCommit", gitCommit)
        .put("gitTreeState", "clean")
        .put("buildDate", buildDate)
        .put("goVersion", "java" + Runtime.version().feature())
        .put("compiler", "javac")
        .put("platform", "linux/amd64");
  }
}
