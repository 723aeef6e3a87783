package io.disponent.bench;

import java.util.Locale;

/** The kind of request one run sends. */
public enum Mode {
  PUT, CAS, GET;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Mode parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
