package io.disponent.apiserver.internal.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** Kubernetes' {@code storageVersionHash}: base64 of the first 8 bytes of SHA-256("group/version/kind"). */
final class StorageVersionHash {

  private StorageVersionHash() {}

  static String of(String group, String version, String kind) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((group + "/" + version + "/" + kind).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(Arrays.copyOf(digest, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
