package io.disponent.apiserver.internal.table;

import java.time.Duration;

/** kubectl's {@code duration.HumanDuration}: {@code 45s}, {@code 5m3s}, {@code 3h12m}, {@code 2d4h}, {@code 3y20d}. */
public final class HumanDuration {

  private HumanDuration() {}

  public static String format(Duration d) {
    long millis = d.toMillis();
    long seconds = millis / 1000; // truncates toward zero, as Go's int(d.Seconds()) does
    // Up to 2 seconds (excluded) in the future is clock skew and reads as now.
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
