package io.disponent.crds.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 100m}, {@code 0.5}, {@code 64Mi}, {@code 1e3}). Pure. */
public final class Quantities {

  private static final Pattern FORM = Pattern.compile(
      "^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");
  private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
      Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")));

  private Quantities() {}

  /** The quantity's value; null or blank gives {@code fallback}. */
  public static BigDecimal parse(String quantity, BigDecimal fallback) {
    if (quantity == null || quantity.isBlank()) {
      return fallback;
    }
    Matcher m = FORM.matcher(quantity.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("quantities: not a quantity: \"" + quantity + "\"");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return number;
    }
    if (suffix.startsWith("e") || suffix.startsWith("E")) {
      return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    }
    return number.multiply(SUFFIXES.get(suffix));
  }

  /** CPUs in thousandths ({@code 100m} is 100, {@code 2} is 2000), rounded up. */
  public static long millis(String quantity, long fallback) {
    BigDecimal v = parse(quantity, null);
    return v == null ? fallback : v.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Bytes ({@code 64Mi} is 67108864), rounded up. */
  public static long bytes(String quantity, long fallback) {
    BigDecimal v = parse(quantity, null);
    return v == null ? fallback : v.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** {@code 1500} millis as {@code 1500m}, whole CPUs as plain numbers. */
  public static String formatMillis(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  /** Bytes in the largest binary unit that divides them ({@code 64Mi}), else plain. */
  public static String formatBytes(long bytes) {
    String[] units = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (10 * (6 - i));
      if (bytes != 0 && bytes % unit == 0) {
        return bytes / unit + units[i];
      }
    }
    return Long.toString(bytes);
  }
}
