package dev.verve;

import dev.verve.config.ConfigKey;
import dev.verve.config.ConfigLoader;
import dev.verve.http.ConnectionDeadlines;
import dev.verve.http.HttpAnswers;
import dev.verve.http.HttpLimits;
import dev.verve.ops.VerveMetrics;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A deployable Verve application: reads the configuration (see {@link VerveOptions}), lets the subclass
 * register its functions in {@link #configure}, waits until they are on the event bus, then serves HTTP.
 * On undeploy (and so on SIGTERM under the launcher) it stops accepting connections, lets in-flight calls
 * finish (up to 30 s), then unregisters the functions.
 *
 * <pre>{@code
 * public class App extends VerveVerticle {
 *   protected void configure(Verve verve) {
 *     verve.register(Counter.class, new CounterImpl(vertx));
 *   }
 * }
 * }</pre>
 */
public abstract class VerveVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(VerveVerticle.class.getName());
  private static final long SHUTDOWN_GRACE_SECONDS = 30;

  private Verve verve;
  private HttpServer server;
  private JsonObject settings;

  /** Registers the application's functions and routes. */
  protected abstract void configure(Verve verve);

  @Override
  public Future<?> start() {
    warnIfClusterConfigIsMissing();
    return ConfigLoader.load(vertx, defaults(), config(), configKeys()).compose(conf -> {
      settings = conf;
      VerveOptions options = VerveOptions.fromConfig(conf);
      return prepare(options).compose(v -> serve(options));
    });
  }

  private Future<?> serve(VerveOptions options) {
    verve = Verve.create(vertx, options);
    configure(verve);
    if (!options.getRole().servesHttp()) {
      return verve.ready().<Object>map(v -> v).onSuccess(v -> LOG.info("Verve function node ready"));
    }
    Handler<HttpServerRequest> requests = verve.requestHandler();
    ConnectionDeadlines deadlines = new ConnectionDeadlines(vertx, options.http().getHeaderTimeoutMs(),
      options.http().getBodyTimeoutMs());
    // Shares the router's counters: the same meters in the same registry.
    HttpAnswers answers = new HttpAnswers(VerveMetrics.registry(vertx));
    return verve.ready().compose(v -> vertx.createHttpServer(httpServerOptions(options))
      .connectionHandler(deadlines::opened)
      .invalidRequestHandler(answers::countInvalid)
      .requestHandler(request -> {
        deadlines.arrived(request);
        requests.handle(request);
      })
      .listen()
      .onSuccess(s -> {
        server = s;
        LOG.info("Verve serving on http://" + options.http().getHost() + ":" + s.actualPort()
          + (options.getRole() == VerveOptions.NodeRole.WEB ? " (web node)" : ""));
      }).map(s -> (Object) s));
  }

  /**
   * Opens what the functions need before {@link #configure} runs (a database, a client); the node starts
   * only once it has, and does not start if it fails. {@link #settings()} is readable here. Close what you
   * opened in {@link #stop()}, after {@code super.stop()}: the calls still in flight may need it.
   */
  protected Future<?> prepare(VerveOptions options) {
    return Future.succeededFuture();
  }

  /**
   * The application's built-in configuration, under {@code conf/config.json}, {@code -conf}, environment
   * and system properties (flat, dotted keys). Empty by default.
   */
  protected JsonObject defaults() {
    return new JsonObject();
  }

  /**
   * The application's own configuration keys, beside core's ({@link dev.verve.config.ConfigKeys}): mapped
   * from {@code VERVE_*} environment variables like core's and type-checked at start. None by default.
   */
  protected List<ConfigKey<?>> configKeys() {
    return List.of();
  }

  // vertx-hazelcast silently falls back to multicast discovery when the named file does not exist.
  private void warnIfClusterConfigIsMissing() {
    String config = System.getProperty("vertx.hazelcast.config");
    if (vertx.isClustered() && config != null && !config.startsWith("classpath:")
      && !new java.io.File(config).isFile()) {
      LOG.warning("vertx.hazelcast.config names " + config + ", which does not exist (working directory "
        + System.getProperty("user.dir") + "): Hazelcast uses its default configuration instead");
    }
  }

  /**
   * The HTTP server settings: address and the limits of {@link VerveOptions#http()} ({@code http.*}). Override
   * to add TLS and so on, starting from {@code super.httpServerOptions(options)} to keep the limits.
   */
  protected HttpServerOptions httpServerOptions(VerveOptions options) {
    return HttpLimits.serverOptions(options.http(), options.api().getBodyLimit());
  }

  @Override
  public Future<?> stop() {
    Future<Void> http = server == null ? Future.succeededFuture()
      : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    return http.eventually(() -> verve == null ? Future.succeededFuture() : verve.close());
  }

  /** The merged configuration (flat, dotted keys), for the application's own settings. */
  protected JsonObject settings() {
    return settings;
  }

  /** The port actually bound (useful with {@code http.port} 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  protected Verve verve() {
    return verve;
  }
}
