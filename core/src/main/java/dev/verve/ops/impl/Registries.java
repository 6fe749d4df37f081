package dev.verve.ops.impl;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.impl.AbstractMetrics;

import java.util.logging.Logger;

/**
 * Finds the Prometheus registry of a Vert.x instance: the one vertx-micrometer-metrics created with it,
 * or, when Vert.x runs without Prometheus metrics, one of Verve's own, shared by every Verve instance of
 * that Vert.x (kept in its local shared data, so it goes away with it).
 */
public final class Registries {

  private static final Logger LOG = Logger.getLogger(Registries.class.getName());
  private static final String MAP = "verve.ops";
  private static final String KEY = "registry";

  private Registries() {
  }

  public static PrometheusMeterRegistry of(Vertx vertx) {
    // Vert.x's own registry is per instance (tests run several Vert.x in one JVM): asked of its metrics SPI,
    // not of vertx-micrometer's static "default" registry.
    VertxMetrics metrics = ((VertxInternal) vertx).metrics();
    if (metrics instanceof AbstractMetrics && ((AbstractMetrics) metrics).registry() instanceof PrometheusMeterRegistry) {
      return (PrometheusMeterRegistry) ((AbstractMetrics) metrics).registry();
    }
    LocalMap<String, Holder> map = vertx.sharedData().getLocalMap(MAP);
    Holder holder = map.get(KEY);
    if (holder == null) {
      Holder created = new Holder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      holder = map.putIfAbsent(KEY, created);
      if (holder == null) {
        holder = created;
        LOG.info("Vert.x runs without Prometheus metrics: /metrics has Verve's meters only (start with "
          + "VerveLauncher, or create Vert.x with VerveMetrics.enable(options), for Vert.x's HTTP and event-bus meters)");
      }
    }
    return holder.registry;
  }

  /** Local shared data keeps only Shareable values. */
  private static final class Holder implements Shareable {
    final PrometheusMeterRegistry registry;

    Holder(PrometheusMeterRegistry registry) {
      this.registry = registry;
    }
  }
}
