package dev.verve.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The checks behind {@code /health/ready}: {@code functions} (this node's functions are registered on the
 * event bus, and some node answers for each interface exposed here but served elsewhere), {@code cluster}
 * (when clustered: still a member) and the application's own ({@code verve.readiness(name, check)}, such
 * as the demo's {@code database}). A failed check is DOWN with a short reason, never an exception's text.
 */
public final class Readiness {

  /** How long a check may take before it counts as failed; a probe must not hang. */
  static final long CHECK_TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final HealthChecks checks;

  /**
   * {@code registered}: completes once this node's functions are on the event bus; {@code unserved}: the names
   * of the interfaces exposed here that no node serves, asked within the given ms.
   */
  public Readiness(Vertx vertx, Supplier<Future<Void>> registered, Function<Long, Future<List<String>>> unserved) {
    this.vertx = vertx;
    this.checks = HealthChecks.create(vertx);
    checks.register("functions", CHECK_TIMEOUT_MS, p -> functions(registered, unserved).onComplete(p));
    if (vertx.isClustered()) {
      checks.register("cluster", CHECK_TIMEOUT_MS, p -> p.complete(cluster()));
    }
  }

  public HealthChecks checks() {
    return checks;
  }

  /** An application check: UP when {@code check}'s future succeeds within the timeout. */
  public void add(String name, Supplier<Future<?>> check) {
    checks.register(name, CHECK_TIMEOUT_MS, p -> {
      Future<?> result;
      try {
        result = check.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      // Answered before vertx-health-check's own timeout, which would make the answer a 500.
      (result == null ? Future.failedFuture("no result") : result)
        .timeout(CHECK_TIMEOUT_MS - 200, java.util.concurrent.TimeUnit.MILLISECONDS)
        .onComplete(ar -> p.tryComplete(ar.succeeded() ? Status.OK()
          : Status.KO(new JsonObject().put("reason", name + " did not answer"))));
    });
  }

  private Future<Status> functions(Supplier<Future<Void>> registered, Function<Long, Future<List<String>>> unserved) {
    Future<Void> local = registered.get();
    if (!local.isComplete()) {
      return Future.succeededFuture(Status.KO(new JsonObject().put("reason", "functions are still being registered")));
    }
    if (local.failed()) {
      return Future.succeededFuture(Status.KO(new JsonObject().put("reason", "functions could not be registered")));
    }
    return unserved.apply(CHECK_TIMEOUT_MS - 200).map(names -> names.isEmpty() ? Status.OK()
      : Status.KO(new JsonObject().put("reason", "no node serves these interfaces").put("unserved", new JsonArray(names))));
  }

  private Status cluster() {
    ClusterManager manager = ((VertxInternal) vertx).clusterManager();
    if (manager == null || !manager.isActive()) {
      return Status.KO(new JsonObject().put("reason", "not a member of the cluster"));
    }
    return Status.OK(new JsonObject().put("nodes", manager.getNodes().size()));
  }
}
