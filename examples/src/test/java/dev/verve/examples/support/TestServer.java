package dev.verve.examples.support;

import dev.verve.ops.VerveMetrics;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;

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
  private static final java.util.concurrent.atomic.AtomicInteger REGISTRIES = new java.util.concurrent.atomic.AtomicInteger();

  public final Vertx vertx;
  public final WebClient http;
  public final int port;
  private final String deploymentId;

  private TestServer(Vertx vertx, String deploymentId, int port) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.port = port;
    this.http = WebClient.create(vertx, new WebClientOptions()
      .setDefaultHost("127.0.0.1").setDefaultPort(port).setKeepAlive(true)
      // Redirects are answers under test (303 after a sign-in), not something to follow.
      .setFollowRedirects(false));
  }

  /**
   * Deploys {@code verticle} (a {@code VerveVerticle} that reports its port) with {@code config}; without a
   * {@code db.url} there, the server gets a fresh in-memory H2 database.
   */
  public static <V extends dev.verve.VerveVerticle> TestServer start(Supplier<V> verticle, JsonObject config) {
    // With metrics on, as VerveLauncher creates it: /metrics has Vert.x's meters too. A registry of its
    // own: under the default name, every Vert.x of the JVM would share one, and the first closed stop it.
    Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMetricsOptions(VerveMetrics.metricsOptions().setRegistryName("verve-test-" + REGISTRIES.incrementAndGet()))
      .setBlockedThreadCheckInterval(100)
      .setMaxEventLoopExecuteTime(800)
      .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    V instance = verticle.get();
    JsonObject conf = config.copy().put("http.port", 0);
    if (!conf.containsKey("auth.passwordIterations")) {
      // Hashing as slowly as production would make every sign-up of the suite cost a quarter second.
      conf.put("auth.passwordIterations", 1000);
    }
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

  /** {@code POST path} with a JSON body, as the holder of {@code token} ({@code null}: anonymous). */
  public HttpResponse<Buffer> postJson(String path, String json, String token) {
    HttpRequest<Buffer> request = http.post(path).putHeader("Content-Type", "application/json");
    if (token != null) request.putHeader("Authorization", "Bearer " + token);
    return await(request.sendBuffer(Buffer.buffer(json)));
  }

  /** Signs a new user up through the sign-up form, as a browser would; returns a bearer token for them. */
  public String signUp(String username, String password) {
    signUp(browser(), username, password);
    return token(username, password);
  }

  /** Signs a new user up through the sign-up form on {@code browser}, which is then signed in. */
  public void signUp(WebClientSession browser, String username, String password) {
    HttpResponse<Buffer> created = await(browser.post("/signup")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("username", username).add("password", password)));
    if (created.statusCode() != 303) {
      throw new AssertionError("sign-up of " + username + " answered " + created.statusCode() + ": " + created.bodyAsString());
    }
  }

  /** A bearer token from {@code POST /auth/token}. */
  public String token(String username, String password) {
    HttpResponse<Buffer> answer = postJson("/auth/token",
      new JsonObject().put("username", username).put("password", password).encode());
    if (answer.statusCode() != 200) {
      throw new AssertionError("token for " + username + " answered " + answer.statusCode() + ": " + answer.bodyAsString());
    }
    return answer.bodyAsJsonObject().getString("token");
  }

  /** A client that keeps cookies, like a browser: sign in with {@link #signIn(WebClientSession, String, String)}. */
  public WebClientSession browser() {
    return WebClientSession.create(http);
  }

  /** Signs in through the sign-in form on {@code browser}; the answer (303 on success). */
  public HttpResponse<Buffer> signIn(WebClientSession browser, String username, String password) {
    return await(browser.post("/login")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("username", username).add("password", password)));
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
