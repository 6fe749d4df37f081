package dev.verve;

import dev.verve.ops.VerveMetrics;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;

/**
 * Vert.x's launcher ({@code io.vertx.launcher.application.VertxApplication}: {@code -conf},
 * {@code -cluster}, graceful stop on SIGTERM, the {@code Main-Verticle} of the manifest), creating Vert.x
 * with metrics on so that {@code GET /metrics} has Vert.x's HTTP and event-bus meters beside Verve's.
 * Use it as the jar's {@code Main-Class}, or {@code mainClass} of {@code exec:java}. Options given with
 * {@code -options} or {@code -Dvertx.metrics.options.enabled=false} win.
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
    return options;
  }
}
