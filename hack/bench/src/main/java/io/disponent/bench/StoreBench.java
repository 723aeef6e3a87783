package io.disponent.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs the same closed-loop load against etcd and the Disponent store: for each mode and
 * concurrency, each system in turn, so both see the disk in the same state.
 */
public final class StoreBench {
  static final int VALUE_BYTES = 256;

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    List<Result> results = run(options);
    log("done");
    Tables.results(System.out, results);
    Tables.ratios(System.out, results);
    if (options.json() != null) {
      JsonResults.write(options.json(), results, options.appendJson());
    }
    // Client libraries leave non-daemon threads behind.
    System.exit(0);
  }

  static List<Result> run(Options options) {
    Map<KvDriver, Integer> drivers = new LinkedHashMap<>();
    List<Result> results = new ArrayList<>();
    try {
      log("connecting");
      if (!options.etcdEndpoints().isEmpty()) {
        drivers.put(new EtcdDriver(options.etcdEndpoints()), options.etcdEndpoints().size());
      }
      if (options.disponentMembers() != null) {
        int replicas = DisponentConnector.parseMembers(options.disponentMembers()).size();
        drivers.put(new DisponentDriver(DisponentConnector.connect(options.disponentMembers())), replicas);
      }
      for (KvDriver d : drivers.keySet()) {
        // The first request pays for connecting and class loading; keep it out of every window.
        d.get("bench/ping").orTimeout(60, TimeUnit.SECONDS).join();
      }
      byte[] value = new byte[VALUE_BYTES];
      new SecureRandom().nextBytes(value);
      String prefix = "bench/" + Long.toString(System.currentTimeMillis(), 36) + "/";
      Map<KvDriver, KeySet> keySets = new LinkedHashMap<>();
      if (options.modes().stream().anyMatch(m -> m != Mode.PUT)) {
        for (KvDriver d : drivers.keySet()) {
          log("%s: creating %d keys", d.system(), options.keys());
          keySets.put(d, KeySet.create(d, prefix, options.keys(), value));
        }
      }
      for (Mode mode : options.modes()) {
        for (int inflight : options.inflight()) {
          for (Map.Entry<KvDriver, Integer> e : drivers.entrySet()) {
            KvDriver d = e.getKey();
            String runPrefix = prefix + mode.label() + "/" + inflight + "/";
            Workload workload = new Workload(d, mode, runPrefix, value, keySets.get(d));
            ClosedLoop.Outcome o = new ClosedLoop().run(workload, inflight, options.warmup(), options.measure());
            Result r = result(d.system(), e.getValue(), mode, inflight, o);
            results.add(r);
            log("%s", JsonResults.object(r));
            if (o.firstError() != null) {
              log("%s %s x%d: %d failed, first: %s", d.system(), mode.label(), inflight, o.failures(), o.firstError());
            }
          }
        }
      }
    } finally {
      drivers.keySet().forEach(KvDriver::close);
    }
    return results;
  }

  static Result result(String system, int replicas, Mode mode, int inflight, ClosedLoop.Outcome o) {
    Histogram h = o.latencies();
    boolean empty = h.getTotalCount() == 0;
    return new Result(system, replicas, mode, inflight,
        h.getTotalCount() / o.seconds(),
        empty ? Double.NaN : h.getValueAtPercentile(50) / 1000.0,
        empty ? Double.NaN : h.getValueAtPercentile(99) / 1000.0,
        o.failures());
  }

  private static final long STARTED = System.nanoTime();

  private static void log(String format, Object... args) {
    System.err.printf("[%6.1fs] " + format + "%n", prepend((System.nanoTime() - STARTED) / 1e9, args));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
