package io.disponent.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link StoreBench}. */
record Options(
    List<String> etcdEndpoints,
    String disponentMembers,
    List<Mode> modes,
    List<Integer> inflight,
    Duration warmup,
    Duration measure,
    int keys,
    Path json,
    boolean appendJson) {

  static final String USAGE = String.join("\n",
      "usage: StoreBench [--etcd-endpoints host:port,...] [--disponent-members id=host:port,...]",
      "                  [--modes put,cas,get] [--inflight 1,16,64,256] [--seconds 10] [--warmup-seconds 3]",
      "                  [--keys 1000] [--json FILE [--append-json]]",
      "At least one system must be given; the number of endpoints or members is the replica count.");

  static Options parse(String[] args) {
    List<String> etcd = List.of();
    String members = null;
    List<Mode> modes = List.of(Mode.PUT, Mode.CAS, Mode.GET);
    List<Integer> inflight = List.of(1, 16, 64, 256);
    Duration measure = Duration.ofSeconds(10);
    Duration warmup = Duration.ofSeconds(3);
    int keys = 1000;
    Path json = null;
    boolean append = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--etcd-endpoints" -> etcd = split(value(args, ++i, arg));
        case "--disponent-members" -> members = value(args, ++i, arg);
        case "--modes" -> modes = split(value(args, ++i, arg)).stream().map(Mode::parse).toList();
        case "--inflight" -> inflight = split(value(args, ++i, arg)).stream().map(Integer::valueOf).toList();
        case "--seconds" -> measure = seconds(value(args, ++i, arg));
        case "--warmup-seconds" -> warmup = seconds(value(args, ++i, arg));
        case "--keys" -> keys = Integer.parseInt(value(args, ++i, arg));
        case "--json" -> json = Path.of(value(args, ++i, arg));
        case "--append-json" -> append = true;
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (etcd.isEmpty() && members == null) {
      throw new IllegalArgumentException("give --etcd-endpoints, --disponent-members or both");
    }
    int maxInflight = inflight.stream().mapToInt(Integer::intValue).max().orElse(1);
    keys = Math.max(keys, maxInflight);
    return new Options(etcd, members, modes, inflight, warmup, measure, keys, json, append);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Seconds, fractions allowed: "2.5". */
  private static Duration seconds(String s) {
    return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
  }

  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
    return out;
  }
}
