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

/** The app of one test class: its own Vert.x, the verticle on a free port, and what the tests opened. */
final class RunningApp implements TestApp {

  private static final AtomicInteger USERS = new AtomicInteger();
  private static final long WAIT_SECONDS = 20;

  private final Vertx vertx;
  private final int port;
  private final WebClient http;
  private final List<Runnable> opened = new ArrayList<>();
  private int openedBeforeTest;

  private RunningApp(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    this.http = WebClient.create(vertx, clientOptions());
  }

  static RunningApp start(VerveVerticle verticle, JsonObject overrides) {
    // Metrics on, as VerveLauncher has them, in a registry of this app's own; event loops checked strictly.
    Vertx vertx = Vertx.vertx(new VertxOptions()
      .setMetricsOptions(VerveMetrics.metricsOptions().setRegistryName("verve-test-" + UUID.randomUUID()))
      .setBlockedThreadCheckInterval(100)
      .setMaxEventLoopExecuteTime(800)
      .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    JsonObject config = new JsonObject()
      .put("http.host", "127.0.0.1")
      .put("db.url", "jdbc:h2:mem:verve-test-" + UUID.randomUUID())
      // Production's hashing costs a quarter second a password; a test suite signs many users up.
      .put("auth.passwordIterations", 1000)
      .mergeIn(overrides)
      .put("http.port", 0);
    try {
      wait(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
    } catch (RuntimeException | AssertionError e) {
      vertx.close();
      throw e;
    }
    return new RunningApp(vertx, verticle.actualPort());
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
    opened(() -> client.close());
    return client;
  }

  @Override
  public TestUser signUp() {
    String username = "user-" + USERS.incrementAndGet();
    String password = VertxContextPRNG.current(vertx).nextString(16);
    WebClientSession browser = browser();
    HttpResponse<Buffer> created = await(browser.post("/signup")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("username", username).add("password", password)));
    if (created.statusCode() != 303) {
      throw new AssertionError("Signing " + username + " up (POST /signup) answered " + created.statusCode()
        + ": " + created.bodyAsString() + " (does the app call allowSignUp()?)");
    }
    HttpResponse<Buffer> token = await(http.post("/auth/token")
      .sendJsonObject(new JsonObject().put("username", username).put("password", password)));
    if (token.statusCode() != 200) {
      throw new AssertionError("A token for " + username + " (POST /auth/token) answered " + token.statusCode()
        + ": " + token.bodyAsString());
    }
    return new SignedUpUser(this, username, password, token.bodyAsJsonObject().getString("token"), browser);
  }

  @Override
  public WebClientSession browser() {
    WebClient client = WebClient.create(vertx, clientOptions());
    opened(client::close);
    return WebClientSession.create(client);
  }

  @Override
  public BusSubscription subscribe(String address) {
    return subscribe(address, null);
  }

  @Override
  public BusSubscription subscribe(String address, TestUser user) {
    BridgeSubscription subscription = BridgeSubscription.open(this, address,
      user == null ? null : ((SignedUpUser) user).sessionCookie());
    opened(subscription::close);
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

  synchronized void opened(Runnable close) {
    opened.add(close);
  }

  synchronized void beginTest() {
    openedBeforeTest = opened.size();
  }

  // What the test opened is closed; what @BeforeAll opened stays for the class.
  void endTest() {
    List<Runnable> closing;
    synchronized (this) {
      List<Runnable> since = opened.subList(openedBeforeTest, opened.size());
      closing = new ArrayList<>(since);
      since.clear();
    }
    closing.forEach(RunningApp::quietly);
  }

  void close() {
    List<Runnable> closing;
    synchronized (this) {
      closing = new ArrayList<>(opened);
      opened.clear();
    }
    closing.forEach(RunningApp::quietly);
    http.close();
    wait(vertx.close());
  }

  private static void quietly(Runnable close) {
    try {
      close.run();
    } catch (RuntimeException ignored) {
      // Already closed by the test.
    }
  }

  private WebClientOptions clientOptions() {
    return new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
      // A browser with JavaScript off, seen from a test: each 303 is an answer to look at.
      .setFollowRedirects(false);
  }
}
