package dev.verve.ops;

import dev.verve.ops.impl.Registries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/**
 * Metrics for {@code GET /metrics}. Vert.x's own meters (event bus, pools, JVM) exist only when Vert.x is
 * created with metrics on: {@code VerveLauncher} does it; a program that creates Vert.x itself
 * passes {@link #enable(VertxOptions)}. Without them, {@code /metrics} still has Verve's meters (calls per
 * function, pages, connections), in a registry of Verve's own. Vert.x's HTTP server meters are left off
 * (see {@link #metricsOptions}); {@code setDisabledMetricsCategories(Set.of())} on these options, or the
 * launcher's {@code -options '{"metricsOptions":{...,"disabledMetricsCategories":[]}}'}, brings them back.
 *
 * <pre>{@code
 * Vertx vertx = Vertx.vertx(VerveMetrics.enable(new VertxOptions()));
 * }</pre>
 *
 * Several Vert.x instances in one JVM (tests) share vertx-micrometer's registry unless each names its own
 * ({@code metricsOptions().setRegistryName(...)}).
 */
public final class VerveMetrics {

  private VerveMetrics() {
  }

  /** {@code options} with Micrometer metrics on, in Prometheus form, JVM meters included; unless it has metrics on already. */
  public static VertxOptions enable(VertxOptions options) {
    if (options.getMetricsOptions() == null || !options.getMetricsOptions().isEnabled()) {
      options.setMetricsOptions(metricsOptions());
    }
    return options;
  }

  /** The metrics options {@link #enable} sets. */
  public static MicrometerMetricsOptions metricsOptions() {
    return new MicrometerMetricsOptions()
      .setEnabled(true)
      .setJvmMetricsEnabled(true)
      // Vert.x's HTTP server meters look five meters up in the registry on every request: a fifth of a small
      // call's CPU. Verve's own meters cover requests instead (calls per function and pages per template,
      // by status, from timers made once; open connections, counted per connection).
      .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
      // Each event-bus message looks its meters up; cached per thread, not in the registry.
      .setMeterCacheEnabled(true)
      .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
  }

  /**
   * The registry behind {@code /metrics} for this Vert.x: Vert.x's own when it was created with Prometheus
   * metrics, else Verve's. Add your application's meters to it.
   */
  public static PrometheusMeterRegistry registry(Vertx vertx) {
    return Registries.of(vertx);
  }
}
