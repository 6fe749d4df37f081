package dev.verve.ops.impl;

import dev.verve.http.OpenConnections;
import dev.verve.http.RequestLimit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/**
 * The node-wide gauges of {@code /metrics}: {@code verve_in_flight} (the calls and pages {@code api.maxInFlight}
 * bounds) and {@code verve_http_connections}. The timers of calls and pages are made where they are served.
 */
public final class NodeGauges {

  private NodeGauges() {
  }

  /** Registers the gauges once per registry: the first Verve instance does (Micrometer warns about a second one). */
  public static void register(Vertx vertx, MeterRegistry registry, RequestLimit limit) {
    synchronized (registry) {
      if (registry.find("verve.in.flight").gauge() == null) {
        Gauge.builder("verve.in.flight", limit, RequestLimit::inFlight)
          .description("Function calls and pages being served by this node (api.maxInFlight bounds it)")
          .register(registry);
      }
      if (registry.find("verve.http.connections").gauge() == null) {
        Gauge.builder("verve.http.connections", OpenConnections.of(vertx), OpenConnections::count)
          .description("HTTP connections open on this node")
          .register(registry);
      }
    }
  }
}
