package dev.verve.test.impl;

import dev.verve.VerveVerticle;
import dev.verve.client.VerveClient;
import dev.verve.ops.VerveMetrics;
import dev.verve.test.BusSubscription;
import dev.verve.test.TestApp;
import dev.verve.test.TestUser;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The app of one test class: its own Vert.x, the verticle on a free port, and what was opened on it. */
final class RunningApp implements TestApp {

  private static final AtomicInteger USERS = new AtomicInteger();
  private static final long WAIT_SECONDS = 20;
  private static final int PASSWORD_LENGTH = 16;

  private final Vertx vertx;
  private final String deploymentId;
  private final int port;
  private final WebClient http;
  final Opened opened = new Opened();
  /** Blocked-thread warnings outside the tests (start, {@code @BeforeAll}), reported after the class. */
  final List<String> classWarnings = new ArrayList<>();

  private RunningApp(Vertx vertx, String deploymentId, int port) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.port = port;
    this.http = WebClient.create(vertx, clientOptions());
  }

  static RunningApp start(VerveVerticle verticle, JsonObject overrides) {
    // Metrics on, as VerveLauncher has them, in a registry of this app's own (under the default name every
    // Vert.x of the JVM shares one, and the first closed stops it); event loops checked strictly.
    Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMetricsOptions(VerveMetrics.metricsOptions().setRegistryName("verve-test-" + UUID.randomUUID()))
      .setBlockedThreadCheckInterval(100)
      .setMaxEventLoopExecuteTime(800)
      .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    JsonObject config = new JsonObject()
      // A database of its own, gone when the app stops; never the app's data/ file.
      .put("db.url", "jdbc:h2:mem:verve-test-" + UUID.randomUUID())
      // Production's hashing costs a quarter second a password; a test suite signs many users up.
      .put("auth.passwordIterations", 1000)
      .mergeIn(overrides)
      // Not the test's to choose: url() is loopback, and the port a free one.
      .put("http.host", "127.0.0.1")
      .put("http.port", 0);
    try {
      String id = wait(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
      return new RunningApp(vertx, id, verticle.actualPort());
    } catch (RuntimeException | AssertionError e) {
      Opened.quietly(() -> wait(vertx.close()));
      throw e;
    }
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public VerveClient client() {
    VerveClient client = VerveClient.create(vertx, url());
    opened.add(() -> wait(client.close()));
    return client;
  }

  @Override
  public TestUser signUp() {
    return SignedUpUser.signUp(this, "user-" + USERS.incrementAndGet(),
      VertxContextPRNG.current(vertx).nextString(PASSWORD_LENGTH));
  }

  /** {@code POST path} of a form on {@code browser}; anything but a {@code 303} fails saying what it was {@code doing}. */
  void postForm(WebClientSession browser, String path, MultiMap form, String doing) {
    HttpResponse<Buffer> answer = await(browser.post(path).sendForm(form));
    if (answer.statusCode() != 303) {
      throw new AssertionError(doing + " (POST " + path + ") answered " + answer.statusCode() + ": " + answer.bodyAsString()
        + (answer.statusCode() == 404 ? " (does the app turn sign-in on, with allowSignUp() for sign-up?)" : ""));
    }
  }

  /** A bearer token from {@code POST /auth/token}. */
  String token(String username, String password) {
    HttpResponse<Buffer> answer = await(http.post("/auth/token")
      .sendJsonObject(new JsonObject().put("username", username).put("password", password)));
    if (answer.statusCode() != 200) {
      throw new AssertionError("A token for " + username + " (POST /auth/token) answered " + answer.statusCode()
        + ": " + answer.bodyAsString());
    }
    return answer.bodyAsJsonObject().getString("token");
  }

  @Override
  public WebClientSession browser() {
    return browser(null);
  }

  /** A new browser; {@code onClose} runs when the kit closes it. */
  WebClientSession browser(Runnable onClose) {
    WebClient client = WebClient.create(vertx, clientOptions());
    opened.add(() -> {
      if (onClose != null) onClose.run();
      client.close();
    });
    return WebClientSession.create(client);
  }

  @Override
  public BusSubscription subscribe(String address) {
    return open(address, null);
  }

  @Override
  public BusSubscription subscribe(String address, TestUser user) {
    return open(address, Cookies.header(user.browser(), BridgeSubscription.PATH));
  }

  private BusSubscription open(String address, String cookie) {
    BridgeSubscription subscription = BridgeSubscription.open(vertx, port, address, cookie);
    opened.add(subscription::close);
    return subscription;
  }

  @Override
  public <T> T await(Future<T> future) {
    return wait(future);
  }

  static <T> T wait(Future<T> future) {
    try {
      return future.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No result within " + WAIT_SECONDS + " s", e);
    }
  }

  /** Closes what is still open, undeploys the app (its stop() may fail the class) and closes Vert.x. */
  void close() {
    opened.closeAll();
    http.close();
    try {
      wait(vertx.undeploy(deploymentId));
    } finally {
      wait(vertx.close());
    }
  }

  private WebClientOptions clientOptions() {
    return new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
      // A browser with JavaScript off, seen from a test: each 303 is an answer to look at.
      .setFollowRedirects(false);
  }
}
