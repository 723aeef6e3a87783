package io.disponent.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration flag: {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d} or a sum such as {@code 1h30m};
 * a bare number is seconds, like the {@code --*-seconds} flags ({@code 0} is zero).
 */
final class DurationFlag implements ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    String v = value == null ? "" : value.trim();
    if (v.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    Matcher m = PART.matcher(v);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.lookingAt()) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
      end = m.end();
      m.region(end, v.length());
    }
    if (end == 0 || end != v.length()) {
      throw new TypeConversionException("not a duration (e.g. 0, 90s, 30m, 1h, 7d, 1h30m): '" + value + "'");
    }
    return total;
  }
}
