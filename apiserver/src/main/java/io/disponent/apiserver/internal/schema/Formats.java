package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code format}s a CRD schema may use. String formats follow kube-openapi's strfmt registry;
 * the numeric formats ({@code int32}, {@code int64}, {@code float}, {@code double}) are range
 * checks Kubernetes itself does not make. Unknown formats accept everything, as in Kubernetes.
 */
final class Formats {

  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-](\\d{2}):(\\d{2}))");
  private static final Pattern UUID = Pattern.compile(
      "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile(
      "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Formats() {}

  /** Whether {@code value} satisfies {@code format}; formats that do not apply to its type pass. */
  static boolean valid(String format, JsonNode value) {
    if (format == null) {
      return true;
    }
    if (value.isNumber()) {
      return validNumber(format, value);
    }
    if (!value.isTextual()) {
      return true;
    }
    String s = value.asText();
    switch (format) {
      case "byte":
        return isBase64(s);
      case "date":
        return isDate(s);
      case "date-time":
      case "datetime":
        return isDateTime(s);
      case "uuid":
        return UUID.matcher(s).matches();
      case "hostname":
        return isHostname(s);
      case "ipv4":
        return isIpv4(s);
      case "ipv6":
        return isIpv6(s);
      case "cidr":
        return isCidr(s);
      case "quantity":
        return Quantity.isValid(s);
      default:
        return true;
    }
  }

  private static boolean validNumber(String format, JsonNode value) {
    switch (format) {
      case "int32":
        return !JsonTypes.isIntegral(value) || fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "int64":
        return !JsonTypes.isIntegral(value) || (value.isIntegralNumber()
            ? value.bigIntegerValue().compareTo(INT64_MIN) >= 0 && value.bigIntegerValue().compareTo(INT64_MAX) <= 0
            : Math.abs(value.doubleValue()) < 0x1p63);
      case "float":
        return Math.abs(value.doubleValue()) <= Float.MAX_VALUE;
      case "double":
        return Double.isFinite(value.doubleValue());
      default:
        return true;
    }
  }

  private static boolean fits(JsonNode value, long min, long max) {
    if (value.isIntegralNumber() && !value.canConvertToLong()) {
      return false;
    }
    long l = value.isIntegralNumber() ? value.longValue() : (long) value.doubleValue();
    return l >= min && l <= max;
  }

  private static boolean isBase64(String s) {
    if (s.length() % 4 != 0) {
      return false;
    }
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isDate(String s) {
    Matcher m = DATE.matcher(s);
    return m.matches() && validDate(m.group(1), m.group(2), m.group(3));
  }

  private static boolean isDateTime(String s) {
    Matcher m = DATE_TIME.matcher(s);
    if (!m.matches() || !validDate(m.group(1), m.group(2), m.group(3))) {
      return false;
    }
    try {
      LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
    } catch (DateTimeException e) {
      return false;
    }
    return m.group(9) == null || (Integer.parseInt(m.group(9)) < 24 && Integer.parseInt(m.group(10)) < 60);
  }

  private static boolean validDate(String year, String month, String day) {
    try {
      LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isHostname(String s) {
    if (s.isEmpty() || s.length() > 255) {
      return false;
    }
    String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    for (String label : name.split("\\.", -1)) {
      if (!HOST_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv4(String s) {
    return IPV4.matcher(s).matches();
  }

  static boolean isIpv6(String s) {
    if (s.indexOf(':') < 0) {
      return false;
    }
    int groups = 0;
    String body = s;
    int lastColon = s.lastIndexOf(':');
    if (s.indexOf('.') > lastColon) {
      if (!isIpv4(s.substring(lastColon + 1))) {
        return false;
      }
      groups += 2;
      body = s.substring(0, lastColon + 1) + "0";
      groups -= 1; // the placeholder group stands for the first half of the IPv4 tail
    }
    int compress = body.indexOf("::");
    if (compress >= 0 && body.indexOf("::", compress + 1) >= 0) {
      return false;
    }
    String[] halves = compress >= 0
        ? new String[] {body.substring(0, compress), body.substring(compress + 2)}
        : new String[] {body};
    for (String half : halves) {
      if (half.isEmpty()) {
        continue;
      }
      for (String group : half.split(":", -1)) {
        if (!HEX_GROUP.matcher(group).matches()) {
          return false;
        }
        groups++;
      }
    }
    return compress >= 0 ? groups <= 7 : groups == 8;
  }

  private static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (!bits.matches("0|[1-9][0-9]{0,2}")) {
      return false;
    }
    int prefix = Integer.parseInt(bits);
    if (isIpv4(ip)) {
      return prefix <= 32;
    }
    return isIpv6(ip) && prefix <= 128;
  }
}
