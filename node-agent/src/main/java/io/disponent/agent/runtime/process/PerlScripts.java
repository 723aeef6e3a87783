package io.disponent.agent.runtime.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The perl scripts of this package's resources ({@code wrapper.pl}, {@code runas.pl}), run with {@code perl -e}. */
final class PerlScripts {
  private PerlScripts() {}

  static String load(String name) {
    try (InputStream in = PerlScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("runtime: " + name + " missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
