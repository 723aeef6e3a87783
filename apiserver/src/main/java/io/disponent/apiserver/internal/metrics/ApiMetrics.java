package io.disponent.apiserver.internal.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics, in a registry of its own (several servers may share a JVM in
 * tests): requests by verb, resource and code, request and store latency, watchers per resource.
 */
public final class ApiMetrics {

  private static final double[] LATENCY_BUCKETS =
      {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram latency;
  private final Histogram storeLatency;

  public ApiMetrics(Supplier<Map<String, Integer>> watchersByResource) {
    requests = Counter.builder().name("apiserver_request_total")
        .help("Requests by verb, resource and HTTP code.")
        .labelNames("verb", "resource", "code").register(registry);
    latency = Histogram.builder().name("apiserver_request_duration_seconds")
        .help("Request latency by verb and resource (watches excluded).")
        .labelNames("verb", "resource").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    storeLatency = Histogram.builder().name("disponent_store_request_duration_seconds")
        .help("Latency of the store requests the server makes, by operation.")
        .labelNames("operation").classicOnly().classicUpperBounds(LATENCY_BUCKETS).register(registry);
    GaugeWithCallback.builder().name("apiserver_registered_watchers")
        .help("Open watches by resource.")
        .labelNames("resource")
        .callback(cb -> watchersByResource.get().forEach((resource, n) -> cb.call(n, resource)))
        .register(registry);
  }

  public void request(String verb, String resource, int code, long nanos) {
    requests.labelValues(verb, resource, Integer.toString(code)).inc();
    if (!verb.equals("WATCH")) {
      latency.labelValues(verb, resource).observe(nanos / 1e9);
    }
  }

  public void store(String operation, long nanos) {
    storeLatency.labelValues(operation).observe(nanos / 1e9);
  }

  /** The text exposition format. */
  public byte[] scrape() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
