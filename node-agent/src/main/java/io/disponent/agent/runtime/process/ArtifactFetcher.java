package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.crds.model.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Fetches a task's artifacts into its sandbox: {@code http(s)://} with {@link HttpClient},
 * {@code file://} by copy; archives ({@code .tar}, {@code .tar.gz}, {@code .tgz}, {@code .tar.bz2},
 * {@code .tar.xz}, {@code .zip}) are unpacked into the sandbox when {@code extract} is not false
 * (tar archives by the {@code tar} command, zip archives in Java, refusing entries that would land
 * outside the sandbox); {@code executable} sets the owner's, group's and others' execute bits.
 */
final class ArtifactFetcher {
  private final HttpClient http;
  private final Duration timeout;

  ArtifactFetcher(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  void fetchAll(List<Artifact> artifacts, Path sandbox) throws TaskLaunchException {
    if (artifacts == null) {
      return;
    }
    for (Artifact a : artifacts) {
      try {
        fetch(a, sandbox);
      } catch (IOException e) {
        throw new TaskLaunchException("runtime: artifact " + a.uri() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskLaunchException("runtime: artifact " + a.uri() + ": interrupted", e);
      }
    }
  }

  private void fetch(Artifact a, Path sandbox) throws IOException, InterruptedException {
    URI uri = URI.create(a.uri());
    String file = fileName(uri);
    Path target = sandbox.resolve(file);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "file" -> Files.copy(Path.of(uri), target, StandardCopyOption.REPLACE_EXISTING);
      case "http", "https" -> {
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofFile(target));
        if (r.statusCode() / 100 != 2) {
          Files.deleteIfExists(target);
          throw new IOException("HTTP " + r.statusCode());
        }
      }
      default -> throw new IOException("unsupported scheme \"" + scheme + "\" (http, https and file are)");
    }
    if (!Boolean.FALSE.equals(a.extract()) && isArchive(file)) {
      extract(target, sandbox);
    } else if (Boolean.TRUE.equals(a.executable())) {
      Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(target));
      perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
      Files.setPosixFilePermissions(target, perms);
    }
  }

  static String fileName(URI uri) {
    String path = uri.getPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      throw new IllegalArgumentException("runtime: artifact " + uri + " names no file");
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static boolean isArchive(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz")
        || n.endsWith(".tar.bz2") || n.endsWith(".tbz2") || n.endsWith(".tar.xz") || n.endsWith(".txz");
  }

  private void extract(Path archive, Path sandbox) throws IOException, InterruptedException {
    if (archive.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      unzip(archive, sandbox);
      return;
    }
    Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", sandbox.toString())
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = tar.getInputStream().readAllBytes();
    if (!tar.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      tar.destroyForcibly();
      throw new IOException("tar did not finish in " + timeout);
    }
    if (tar.exitValue() != 0) {
      throw new IOException("tar exited " + tar.exitValue() + ": " + new String(out).trim());
    }
  }

  private static void unzip(Path archive, Path sandbox) throws IOException {
    Path base = sandbox.toAbsolutePath().normalize();
    try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        Path out = base.resolve(e.getName()).normalize();
        if (!out.startsWith(base)) {
          throw new IOException("zip entry " + e.getName() + " points outside the sandbox");
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
