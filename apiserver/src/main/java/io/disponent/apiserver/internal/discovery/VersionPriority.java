package io.disponent.apiserver.internal.discovery;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes' version ordering, highest priority first: GA before beta before alpha, larger
 * numbers first within each ({@code v2, v1, v1beta2, v1beta1, v1alpha1}), then anything that is
 * not a Kubernetes-style version, alphabetically.
 */
final class VersionPriority implements Comparator<String> {

  static final VersionPriority INSTANCE = new VersionPriority();

  private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  private VersionPriority() {}

  @Override
  public int compare(String a, String b) {
    Matcher ma = KUBE.matcher(a);
    Matcher mb = KUBE.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka == kb ? a.compareTo(b) : (ka ? -1 : 1);
    }
    int byStability = Integer.compare(stability(mb.group(2)), stability(ma.group(2)));
    if (byStability != 0) {
      return byStability;
    }
    int byMajor = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
    if (byMajor != 0 || ma.group(3) == null) {
      return byMajor;
    }
    return Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
  }

  private static int stability(String level) {
    if (level == null) {
      return 2;
    }
    return level.equals("beta") ? 1 : 0;
  }
}
