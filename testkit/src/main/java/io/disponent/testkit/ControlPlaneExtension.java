package io.disponent.testkit;

import io.disponent.apiserver.ApiServerConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ControlPlane} for a test class, and for each test a namespace of its own, made before the test and
 * deleted after it; what the test {@link ControlPlane#run runs} on the plane is stopped after it, and what
 * {@code @BeforeAll} runs after the class.
 *
 * <pre>
 * &#64;RegisterExtension static final ControlPlaneExtension cp = new ControlPlaneExtension();
 *
 * &#64;Test void runs() {
 *   cp.client().create(Gvr.TASKS, cp.namespace(), TaskBuilder.task(cp.namespace(), "t").build());
 * }
 * </pre>
 */
public final class ControlPlaneExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final int NAME_ROOM = 50;
  private static final AtomicInteger SEQ = new AtomicInteger();

  private final UnaryOperator<ApiServerConfig> tune;
  private Path dir;
  private ControlPlane plane;
  private String namespace;
  private int mark;

  public ControlPlaneExtension() {
    this(c -> c);
  }

  public ControlPlaneExtension(UnaryOperator<ApiServerConfig> tune) {
    this.tune = tune;
  }

  public ControlPlane plane() {
    return plane;
  }

  public ApiClient client() {
    return plane.client();
  }

  /** This test's namespace. */
  public String namespace() {
    if (namespace == null) {
      throw new IllegalStateException("testkit: a namespace exists only while a test runs");
    }
    return namespace;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("disponent-testkit.");
    plane = ControlPlane.start(dir, tune);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    namespace = namespaceFor(context.getRequiredTestMethod().getName());
    plane.namespace(namespace);
    mark = plane.mark();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      plane.closeSince(mark);
      client().delete(Gvr.NAMESPACES, null, namespace, DeleteOptions.DEFAULT);
    } catch (NotFoundException gone) {
      // the test deleted it
    } finally {
      namespace = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (plane != null) {
        plane.close();
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** A DNS label from the test's name, unique in this JVM. */
  static String namespaceFor(String testName) {
    String base = testName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.length() > NAME_ROOM) {
      base = base.substring(0, NAME_ROOM).replaceAll("-+$", "");
    }
    return (base.isEmpty() ? "test" : base) + "-" + SEQ.incrementAndGet();
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
