package io.disponent.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link ApiBench}. */
record ApiOptions(
    List<Integer> inflight,
    Duration warmup,
    Duration measure,
    int healthzInflight,
    int clients,
    int clientThreads,
    int watchers,
    int watchRate,
    Duration watchWindow,
    Duration drainTimeout,
    int watchClients,
    Path dataDir,
    Path json) {

  static final String USAGE = String.join("\n",
      "usage: ApiBench [--quick] [--seconds 10] [--warmup-seconds 3] [--inflight 1,16,64,256]",
      "                [--watchers 1000] [--watch-rate 500] [--watch-seconds S] [--skip-watch | --skip-creates]",
      "                [--clients 4] [--client-threads 4] [--watch-clients 4] [--healthz-inflight 64]",
      "                [--data-dir DIR] [--json FILE]",
      "--quick: 0.5 s warm-up, 1 s windows, a 2 s watch window. --watch-seconds defaults to --seconds.",
      "--watchers 0 skips the watch part; --inflight '' skips the creates.");

  static ApiOptions parse(String[] args) {
    List<Integer> inflight = List.of(1, 16, 64, 256);
    Duration measure = null;
    Duration warmup = null;
    Duration watchWindow = null;
    boolean quick = false;
    int healthz = 64;
    int clients = 4;
    int clientThreads = 4;
    int watchers = 1000;
    int rate = 500;
    int watchClients = 4;
    Path dataDir = Path.of(System.getProperty("java.io.tmpdir"));
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--quick" -> quick = true;
        case "--seconds" -> measure = seconds(value(args, ++i, arg));
        case "--warmup-seconds" -> warmup = seconds(value(args, ++i, arg));
        case "--inflight" -> inflight = Arrays.stream(value(args, ++i, arg).split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        case "--skip-creates" -> inflight = List.of();
        case "--healthz-inflight" -> healthz = Integer.parseInt(value(args, ++i, arg));
        case "--clients" -> clients = Integer.parseInt(value(args, ++i, arg));
        case "--client-threads" -> clientThreads = Integer.parseInt(value(args, ++i, arg));
        case "--watchers" -> watchers = Integer.parseInt(value(args, ++i, arg));
        case "--skip-watch" -> watchers = 0;
        case "--watch-rate" -> rate = Integer.parseInt(value(args, ++i, arg));
        case "--watch-seconds" -> watchWindow = seconds(value(args, ++i, arg));
        case "--watch-clients" -> watchClients = Integer.parseInt(value(args, ++i, arg));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--json" -> json = Path.of(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (measure == null) {
      measure = quick ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
    }
    if (warmup == null) {
      warmup = quick ? Duration.ofMillis(500) : Duration.ofSeconds(3);
    }
    if (watchWindow == null) {
      watchWindow = quick ? Duration.ofSeconds(2) : measure;
    }
    if (rate <= 0 || clients <= 0 || clientThreads <= 0 || watchClients <= 0 || watchers < 0) {
      throw new IllegalArgumentException("rates, clients and threads must be positive");
    }
    Duration drain = quick ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
    return new ApiOptions(inflight, warmup, measure, healthz, clients, clientThreads, watchers, rate, watchWindow,
        drain, watchClients, dataDir, json);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static Duration seconds(String s) {
    return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
  }
}
