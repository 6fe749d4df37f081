package dev.verve.ops.impl;

import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verve's meters on a node: {@code verve_function_calls_seconds} (interface, method, status),
 * {@code verve_page_requests_seconds} (template, status) and {@code verve_in_flight}; the timers of each
 * function and page are made once and reused.
 */
public final class Meters {

  private final PrometheusMeterRegistry registry;
  private final CallLimit limit;
  private final Map<MethodDescriptor, StatusTimers> functions = new ConcurrentHashMap<>();

  public Meters(Vertx vertx, int maxInFlight) {
    this.registry = Registries.of(vertx);
    this.limit = CallLimit.of(vertx, maxInFlight);
    // Node-wide gauges: the first Verve instance registers them (Micrometer warns about a second one).
    synchronized (registry) {
      if (registry.find("verve.in.flight").gauge() == null) {
        Gauge.builder("verve.in.flight", limit, CallLimit::inFlight)
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

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public CallLimit limit() {
    return limit;
  }

  public StatusTimers function(ServiceDescriptor service, MethodDescriptor method) {
    StatusTimers timers = functions.get(method);
    if (timers == null) {
      timers = functions.computeIfAbsent(method, m -> new StatusTimers(registry, "verve.function.calls",
        "Server-function calls over HTTP, by response status", Tags.of("interface", service.name(), "method", m.name())));
    }
    return timers;
  }

  public StatusTimers page(String template) {
    return new StatusTimers(registry, "verve.page.requests", "Page requests, by response status",
      Tags.of("template", template));
  }
}
