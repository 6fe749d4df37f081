package dev.verve.maven.dev;

import dev.verve.devmode.DevStatus;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys the app's main verticle from a fresh class loader over newly compiled classes and the project's
 * resource directories (read in place: a template or stylesheet saved is served at once), then undeploys the
 * generation before it. Vert.x shares a port between the servers of one instance, so the new generation
 * listens beside the old one and no request is refused in between. If the new one fails to start, the old
 * one stays. Verve, Vert.x and the libraries stay in the JVM's class loader: only the app's classes reload.
 */
final class Redeployer {

  private final Vertx vertx;
  private final DevSettings settings;
  private Generation current;
  private long generations;

  Redeployer(Vertx vertx, DevSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  /** Deploys {@code classes} as the next generation; on success the previous one is undeployed and closed. */
  Future<Generation> deploy(Path classes) {
    long number = ++generations;
    List<Path> roots = new ArrayList<>(settings.resources);
    roots.add(classes);
    URLClassLoader loader = new URLClassLoader("verve-dev-" + number, SourceCompiler.urls(roots),
      Redeployer.class.getClassLoader());
    Generation next = new Generation(number, classes, loader);
    JsonObject config = settings.config.copy().put("dev", true);
    DeploymentOptions options = new DeploymentOptions().setConfig(config).setClassLoader(loader);
    return vertx.deployVerticle(settings.mainVerticle, options)
      .recover(failure -> {
        next.close();
        return Future.failedFuture(failure);
      })
      .compose(id -> {
        next.deploymentId = id;
        Generation previous = current;
        current = next;
        DevStatus.served(vertx, number);
        return previous == null ? Future.succeededFuture(next) : undeploy(previous).map(next);
      });
  }

  private Future<Void> undeploy(Generation generation) {
    return vertx.undeploy(generation.deploymentId).eventually(() -> {
      generation.close();
      return Future.succeededFuture();
    });
  }

  /** The generation serving now; null before the first. */
  Generation current() {
    return current;
  }

  Future<Void> close() {
    Generation last = current;
    current = null;
    return last == null ? Future.succeededFuture() : undeploy(last);
  }
}
