package io.disponent.client.runtime;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.WeakHashMap;

/** The controllers' metrics, registered once per registry and labelled by controller. */
final class ControllerMetrics {

  private static final Map<PrometheusRegistry, ControllerMetrics> BY_REGISTRY = new WeakHashMap<>();

  final Counter reconciles;
  final Counter errors;
  final Histogram duration;
  final Gauge depth;

  private ControllerMetrics(PrometheusRegistry registry) {
    reconciles = Counter.builder().name("disponent_controller_reconcile_total")
        .help("Reconciles by controller and result (success, requeue, error, terminal)")
        .labelNames("controller", "result").register(registry);
    errors = Counter.builder().name("disponent_controller_reconcile_errors_total")
        .help("Reconciles that threw").labelNames("controller").register(registry);
    duration = Histogram.builder().name("disponent_controller_reconcile_duration_seconds")
        .help("Time spent in reconcile").labelNames("controller").register(registry);
    depth = Gauge.builder().name("disponent_controller_workqueue_depth")
        .help("Keys ready in the work queue").labelNames("controller").register(registry);
  }

  static synchronized ControllerMetrics in(PrometheusRegistry registry) {
    return BY_REGISTRY.computeIfAbsent(registry, ControllerMetrics::new);
  }
}
