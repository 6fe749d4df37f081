package dev.verve.examples.support;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A real Vert.x with a Verve verticle deployed on a free loopback port, and an HTTP client for it. Event
 * loops are checked strictly: running 800 ms or more logs a blocked-thread warning, which
 * {@link NoBlockedThreads} turns into a failure.
 */
public final class TestServer implements AutoCloseable {

  private static final java.util.concurrent.atomic.AtomicInteger DATABASES = new java.util.concurrent.atomic.AtomicInteger();

  public final Vertx vertx;
  public final WebClient http;
  public final int port;
  private final String deploymentId;

  private TestServer(Vertx vertx, String deploymentId, int port) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.port = port;
    this.http = WebClient.create(vertx, new WebClientOptions()
      .setDefaultHost("127.0.0.1").setDefaultPort(port).setKeepAlive(true));
  }

  /**
   * Deploys {@code verticle} (a {@code VerveVerticle} that reports its port) with {@code config}; without a
   * {@code db.url} there, the server gets a fresh in-memory H2 database.
   */
  public static <V extends dev.verve.VerveVerticle> TestServer start(Supplier<V> verticle, JsonObject config) {
    Vertx vertx = Vertx.vertx(new VertxOptions()
      .setBlockedThreadCheckInterval(100)
      .setMaxEventLoopExecuteTime(800)
      .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    V instance = verticle.get();
    JsonObject conf = config.copy().put("http.port", 0);
    if (!conf.containsKey("db.url")) {
      // A database of its own for every server, gone when it stops; never the demo's data/ file.
      conf.put("db.url", "jdbc:h2:mem:verve-test-" + DATABASES.incrementAndGet());
    }
    String id = await(vertx.deployVerticle(instance, new DeploymentOptions().setConfig(conf)));
    return new TestServer(vertx, id, instance.actualPort());
  }

  public HttpRequest<Buffer> request(HttpMethod method, String path) {
    return http.request(method, path);
  }

  /** {@code POST path} with a JSON body (as given, not re-encoded). */
  public HttpResponse<Buffer> postJson(String path, String json) {
    return await(http.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(json)));
  }

  public Future<Void> undeploy() {
    return vertx.undeploy(deploymentId);
  }

  @Override
  public void close() {
    http.close();
    await(vertx.close());
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No result within 20 s", e);
    }
  }
}
