package io.disponent.apiserver.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** apimachinery's {@code IsDNS1035Label}: what Kubernetes requires of kinds, plurals and versions. */
final class Dns1035 {

  private static final String FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern LABEL = Pattern.compile(FMT);
  private static final String ERR = "a DNS-1035 label must consist of lower case alphanumeric characters"
      + " or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',"
      + "  or 'abc-123', regex used for validation is '" + FMT + "')";

  private Dns1035() {}

  static List<String> validate(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!LABEL.matcher(value).matches()) {
      errs.add(ERR);
    }
    return errs;
  }
}
