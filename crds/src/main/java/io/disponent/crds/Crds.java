package io.disponent.crds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CustomResourceDefinitions of Disponent's own kinds, as classpath resources under
 * {@code crds/}. The API server loads them at bootstrap; the YAML files are the source of truth
 * of the API.
 *
 * <p>Stateless and thread-safe.
 */
public final class Crds {
  /** The folder of the YAML files on the classpath. */
  public static final String FOLDER = "crds/";

  /** The API group of every kind defined here. */
  public static final String GROUP = "disponent.io";

  // Order of bootstrap: catalog sources first, then machines, then workloads.
  private static final List<String> NAMES = List.of(
      "repositories.disponent.io.yaml",
      "packages.disponent.io.yaml",
      "nodes.disponent.io.yaml",
      "services.disponent.io.yaml",
      "tasks.disponent.io.yaml");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Crds() {}

  /** The file names (without {@link #FOLDER}) of every CRD, in the order to create them. */
  public static List<String> resourceNames() {
    return NAMES;
  }

  /**
   * Opens one CRD file; the caller closes the stream.
   *
   * @param name a name from {@link #resourceNames()}
   * @throws IllegalArgumentException if there is no such CRD
   */
  public static InputStream open(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("crds: no CRD named " + name + "; known: " + NAMES);
    }
    InputStream in = Crds.class.getClassLoader().getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IllegalStateException("crds: resource " + FOLDER + name + " missing from the classpath");
    }
    return in;
  }

  /** Parses one CRD file. */
  public static CustomResourceDefinition load(String name) {
    try (InputStream in = open(name)) {
      return YAML.readValue(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException("crds: cannot parse " + FOLDER + name, e);
    }
  }

  /** Every CRD, parsed, in the order of {@link #resourceNames()}. */
  public static List<CustomResourceDefinition> all() {
    List<CustomResourceDefinition> crds = new ArrayList<>(NAMES.size());
    for (String name : NAMES) {
      crds.add(load(name));
    }
    return List.copyOf(crds);
  }
}
