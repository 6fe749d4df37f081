package dev.verve.ops;

import dev.verve.auth.Access;
import dev.verve.auth.Auth;
import dev.verve.http.HttpProblem;
import dev.verve.http.Problems;
import dev.verve.http.RequestLimit;
import dev.verve.ops.impl.NodeGauges;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * {@code GET /health/live}, {@code GET /health/ready} (vertx-health-check's JSON: 200 UP, 503 DOWN naming
 * the failing check) and {@code GET /metrics} (Prometheus text). Not counted against
 * {@code api.maxInFlight}, so an overloaded node still answers them. Open to loopback clients that came
 * through no proxy ({@code ops.loopbackOpen}), otherwise to signed-in callers with {@code ops.role}.
 */
public final class OpsRoutes {

  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";
  public static final String METRICS = "/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private OpsRoutes() {
  }

  /** {@code limit}: the node's {@code api.maxInFlight}, shown as {@code verve_in_flight}. */
  public static void mount(Vertx vertx, Router router, OpsOptions options, HealthChecks ready,
                           PrometheusMeterRegistry registry, RequestLimit limit) {
    NodeGauges.register(vertx, registry, limit);
    HealthChecks live = HealthChecks.create(vertx);
    // Answering at all is the proof: the request went through this node's event loop and router.
    live.register("eventloop", p -> p.complete(Status.OK()));
    Handler<RoutingContext> healthAccess = access(options, options.isPublicHealth());
    router.get(LIVE).handler(healthAccess).handler(HealthCheckHandler.createWithHealthChecks(live));
    router.get(READY).handler(healthAccess).handler(HealthCheckHandler.createWithHealthChecks(ready));
    router.get(METRICS).handler(access(options, false)).handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(registry.scrape()));
  }

  private static Handler<RoutingContext> access(OpsOptions options, boolean open) {
    Access rule = Access.rolesAllowed(options.getRole());
    boolean loopbackOpen = options.isLoopbackOpen();
    return ctx -> {
      if (open || loopbackOpen && isDirectFromLoopback(ctx.request())) {
        ctx.next();
        return;
      }
      int refused = rule.check(Auth.caller(ctx));
      if (refused == 0) {
        ctx.next();
        return;
      }
      if (refused == 401) ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
      Problems.send(ctx.response(), new HttpProblem(refused, refused == 401
        ? "Health and metrics need a signed-in caller with the role " + options.getRole() + " (or a loopback client)"
        : "Health and metrics need the role " + options.getRole()));
    };
  }

  // A proxy on the same host makes every client look local: a request it forwarded is not trusted as such.
  static boolean isDirectFromLoopback(HttpServerRequest request) {
    if (request.headers().contains("Forwarded") || request.headers().contains("X-Forwarded-For")
      || request.headers().contains("X-Real-IP")) {
      return false;
    }
    SocketAddress remote = request.remoteAddress();
    String host = remote == null ? null : remote.hostAddress();
    return host != null && (host.startsWith("127.") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1"));
  }
}
