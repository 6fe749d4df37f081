package dev.verve;

import dev.verve.ops.VerveMetrics;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;

/**
 * Vert.x's launcher ({@code io.vertx.launcher.application.VertxApplication}: {@code -conf},
 * {@code -cluster}, graceful stop on SIGTERM, the {@code Main-Verticle} of the manifest), creating Vert.x
 * with metrics on so that {@code GET /metrics} has Vert.x's event-bus, pool and JVM meters beside Verve's,
 * and preferring Netty's native epoll transport (on Linux x86-64; NIO elsewhere). Use it as the jar's
 * {@code Main-Class}, or {@code mainClass} of {@code exec:java}. Options given with {@code -options} (e.g.
 * {@code "preferNativeTransport": false}) or {@code -Dvertx.metrics.options.enabled=false} win.
 */
public final class VerveLauncher extends VertxApplication implements VertxApplicationHooks {

  // A subclass, not hooks passed to VertxApplication: the launcher finds the jar's Main-Verticle in the
  // manifest whose Main-Class is the class of the running application.
  public VerveLauncher(String[] args) {
    super(args);
  }

  public static void main(String[] args) {
    // Like VertxApplication.main: it exits by itself when Vert.x or the verticle fails to start.
    new VerveLauncher(args).launch();
  }

  @Override
  public JsonObject afterVertxOptionsParsed(JsonObject vertxOptions) {
    JsonObject options = vertxOptions == null ? new JsonObject() : vertxOptions;
    if (!options.containsKey("metricsOptions")) {
      options.put("metricsOptions", VerveMetrics.metricsOptions().toJson());
    }
    // Netty's epoll transport where it runs (Linux x86-64, in Verve's dependencies), NIO elsewhere.
    if (!options.containsKey("preferNativeTransport")) {
      options.put("preferNativeTransport", true);
    }
    return options;
  }
}
