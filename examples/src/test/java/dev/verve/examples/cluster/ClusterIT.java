package dev.verve.examples.cluster;

import dev.verve.examples.Counter;
import dev.verve.examples.browser.Browser;
import dev.verve.examples.support.PostgresServer;
import dev.verve.examples.support.StreamSocket;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real cluster on loopback, from the packaged fat jar as the README's "Scaling out" runs it: one web
 * node ({@code node.role=web}) and two function nodes ({@code node.role=functions}), each a JVM of its own
 * joined through {@code conf/cluster.xml} (on ports and under a cluster name of the test's own); the
 * function nodes share one PostgreSQL database.
 * Every wait is for a successful call, bounded; the nodes are killed after the class even when it fails,
 * and their logs (kept in {@code target/cluster-it/}) are printed on a failure.
 *
 * <p>The tests run in order and share the cluster; the two that take a function node away (kill -9, then
 * SIGTERM after a third one joined) run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ClusterIT.PrintLogsOnFailure.class)
class ClusterIT {

  /** Low, so that a call lost with a killed node fails (504) within the test's patience. */
  static final long API_TIMEOUT_MS = 3000;
  static final long STREAM_IDLE_TIMEOUT_MS = 2000;
  static final Pattern PID = Pattern.compile("pid (\\d+)");
  /** The same on every web node, as the README says a cluster needs. */
  static final String TOKEN_KEY = "cluster-test-token-key-0123456789abcdef";

  static final List<NodeProcess> nodes = new CopyOnWriteArrayList<>();
  static Path jar;
  static Path workDir;
  static Path logDir;
  static Path clusterXml;
  static String base;
  static String base2;
  static String dbUrl;
  static String token;
  static NodeProcess web;
  static NodeProcess web2;
  static NodeProcess fn1;
  static NodeProcess fn2;
  static HttpClient http;
  static Vertx vertx;
  static WebSocketClient webSockets;

  @BeforeAll
  static void startCluster() throws Exception {
    jar = Path.of(System.getProperty("verve.fatJar", "target/verve-examples-0.1.0-SNAPSHOT-fat.jar"));
    assertTrue(Files.isRegularFile(jar), "fat jar missing: " + jar);
    Path conf = Path.of(System.getProperty("verve.clusterXml", "../conf/cluster.xml"));
    workDir = Files.createTempDirectory("verve-cluster-it");
    logDir = jar.toAbsolutePath().getParent().resolve("cluster-it");
    int hazelcastBase = NodeProcess.freePortRange(6);
    clusterXml = workDir.resolve("cluster.xml");
    Files.writeString(clusterXml,
      NodeProcess.testClusterXml(Files.readString(conf), hazelcastBase, "verve-it-" + hazelcastBase));
    int webPort = NodeProcess.freePort();
    base = "http://127.0.0.1:" + webPort;
    Runtime.getRuntime().addShutdownHook(new Thread(ClusterIT::destroyAll, "cluster-it-cleanup"));

    // The function nodes share one PostgreSQL database, as the README's "Scaling out" runs them; without
    // PostgreSQL (outside CI) each gets an H2 file of its own and the shared-todos test is skipped.
    PostgresServer postgres = PostgresServer.sharedIfAvailable();
    dbUrl = postgres == null ? null : postgres.newDatabase();
    web = node("web", "node.role", "web", "http.port", String.valueOf(webPort), "api.timeout", String.valueOf(API_TIMEOUT_MS),
      "api.streamIdleTimeout", String.valueOf(STREAM_IDLE_TIMEOUT_MS));
    int web2Port = NodeProcess.freePort();
    base2 = "http://127.0.0.1:" + web2Port;
    web2 = node("web-2", "node.role", "web", "http.port", String.valueOf(web2Port));
    fn1 = node("functions-1", "node.role", "functions");
    fn2 = node("functions-2", "node.role", "functions");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    // The cluster is formed when a call through the web node succeeds, not when the JVMs say so.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (whoami() == null) {
      if (System.nanoTime() > deadline) fail("no call through the web node succeeded within 90 s");
      Thread.sleep(100);
    }
    System.out.printf("[cluster] three JVMs started together: first call through the web node served after %.1f s%n",
      web.secondsSinceStart());
  }

  @AfterAll
  static void stopCluster() {
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    destroyAll();
    if (clusterXml != null) clusterXml.toFile().delete();
    if (workDir != null) workDir.toFile().delete();
  }

  @Test
  @Order(1)
  void callsOnTheWebNodeAreServedByBothFunctionNodesInTurn() throws Exception {
    // A function node that joined last may not be known to the web node yet.
    Set<Long> seen = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!seen.containsAll(Set.of(fn1.pid(), fn2.pid()))) {
      if (System.nanoTime() > deadline) fail("within 30 s only " + seen + " served, of " + fn1.pid() + " and " + fn2.pid());
      Long pid = whoami();
      if (pid != null) seen.add(pid);
      else Thread.sleep(50);
    }
    System.out.printf("[cluster] both function nodes serving after %.1f s%n", web.secondsSinceStart());

    List<Long> servedBy = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Long pid = whoami();
      assertNotNull(pid, "call " + i + " failed");
      servedBy.add(pid);
    }
    System.out.println("[cluster] 10 calls served by pids " + servedBy);
    assertTrue(Set.of(fn1.pid(), fn2.pid()).containsAll(servedBy), "a call was not served by a function node: " + servedBy);
    assertTrue(Collections.frequency(servedBy, fn1.pid()) >= 4 && Collections.frequency(servedBy, fn2.pid()) >= 4,
      "not round-robin: " + servedBy);

    HttpResponse<String> doubled = post("/api/Counter/doubleServer", "{\"number\": 21}");
    assertEquals(200, doubled.statusCode(), doubled.body());
    assertEquals("42", doubled.body());
  }

  @Test
  @Order(1)
  void theWebNodeIsReadyWithTheClusterJoinedAndItsInterfacesServedAndHasVertxMetrics() throws Exception {
    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
      .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject health = new JsonObject(ready.body());
    for (Object check : health.getJsonArray("checks")) {
      JsonObject c = (JsonObject) check;
      assertEquals("UP", c.getString("status"), ready.body());
      if ("cluster".equals(c.getString("id"))) {
        assertTrue(c.getJsonObject("data").getInteger("nodes") >= 4, "web, web-2 and two function nodes: " + ready.body());
      }
    }
    assertTrue(ready.body().contains("\"id\":\"cluster\"") && ready.body().contains("\"id\":\"functions\""), ready.body());

    // The fat jar's launcher (VerveLauncher) created Vert.x with metrics on: its event-bus meters are there
    // (its per-request HTTP meters are off: Verve's own count the requests).
    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
      .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("\nverve_http_connections "), "open connections");
    assertTrue(metrics.body().contains("\nvertx_eventbus_sent_total{side=\"remote\"}"), "Vert.x event-bus meters");
    assertTrue(metrics.body().contains("verve_function_calls_seconds_count{interface=\"Nodes\",method=\"whoami\",status=\"200\"}"),
      "the calls through the web node");
  }

  @Test
  @Order(2)
  void todosAddedThroughOneFunctionNodeAreListedThroughTheOther() throws Exception {
    Assumptions.assumeTrue(dbUrl != null, "needs PostgreSQL");
    HttpResponse<String> signUp = http.send(HttpRequest.newBuilder(URI.create(base + "/signup"))
      .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
      .POST(HttpRequest.BodyPublishers.ofString("username=ada&password=correct+horse+battery")).build(),
      HttpResponse.BodyHandlers.ofString());
    assertEquals(303, signUp.statusCode(), signUp.body());
    String sessionCookie = signUp.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> issued = post("/auth/token", "{\"username\": \"ada\", \"password\": \"correct horse battery\"}");
    assertEquals(200, issued.statusCode(), issued.body());
    token = new JsonObject(issued.body()).getString("token");
    // Calls alternate between the two function nodes: the adds are split between them, and so are the lists.
    List<String> added = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      HttpResponse<String> response = post("/api/Todos/add", "{\"title\": \"Shared " + i + "\"}");
      assertEquals(200, response.statusCode(), response.body());
      added.add("Shared " + i);
    }
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> response = post("/api/Todos/list", "{}");
      assertEquals(200, response.statusCode(), response.body());
      List<String> titles = new ArrayList<>();
      new JsonArray(response.body()).forEach(todo -> titles.add(((JsonObject) todo).getString("title")));
      assertEquals(added, titles, "list call " + i);
    }
    // The session made on one web node is good on the other (a clustered session store, no stickiness).
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base2 + "/todos"))
      .timeout(Duration.ofSeconds(10)).header("Cookie", sessionCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Signed in as <strong>ada</strong>") && page.body().contains("Shared 4"), page.body());
    // And so is the token (the same auth.tokenKey).
    HttpResponse<String> viaSecond = http.send(HttpRequest.newBuilder(URI.create(base2 + "/api/Todos/list"))
      .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
      .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(4, new JsonArray(viaSecond.body()).size(), viaSecond.body());
    // The nodes started together on an empty database: each migration was applied once.
    try (Connection connection = PostgresServer.shared().connect(dbUrl);
         Statement statement = connection.createStatement();
         ResultSet applied = statement.executeQuery(
           "SELECT count(*), count(DISTINCT version) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
      applied.next();
      assertTrue(applied.getInt(2) >= 2, "migrations applied: " + applied.getInt(2));
      assertEquals(applied.getInt(2), applied.getInt(1), "a migration was applied twice");
    }
  }

  @Test
  @Order(3)
  void aTotalPublishedOnAFunctionNodeReachesAWebSocketOnTheWebNodesBridge() throws Exception {
    vertx = Vertx.vertx();
    LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    URI uri = URI.create(base);
    // Held in a field: Vert.x closes a client, and its connections, once the client is garbage.
    webSockets = vertx.createWebSocketClient();
    WebSocket socket = webSockets.connect(uri.getPort(), uri.getHost(), "/eventbus/websocket").await(10, TimeUnit.SECONDS);
    socket.handler(buffer -> frames.add(buffer.toJsonObject()));
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", Counter.TOTAL_ADDRESS).encode())
      .await(10, TimeUnit.SECONDS);

    // The bridge confirms a registration only by delivering: high-five (on a function node) until a total arrives.
    Set<Integer> totals = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      HttpResponse<String> response = post("/api/Counter/highFive", "{}");
      assertEquals(200, response.statusCode(), response.body());
      totals.add(Integer.valueOf(response.body()));
      JsonObject frame = frames.poll(300, TimeUnit.MILLISECONDS);
      if (frame != null) {
        assertEquals("rec", frame.getString("type"), frame.encode());
        assertEquals(Counter.TOTAL_ADDRESS, frame.getString("address"));
        assertTrue(totals.contains(frame.getInteger("body")), frame.encode() + " is none of the totals " + totals);
        System.out.println("[cluster] WebSocket on the web node received " + frame.encode());
        return;
      }
      if (System.nanoTime() > deadline) fail("no counter.total frame within 20 s; totals sent: " + totals);
    }
  }

  @Test
  @Order(4)
  void theCounterPageOnTheWebNodeShowsTotalsPublishedOnFunctionNodes() {
    Browser.assumeAvailable();
    try (Browser browser = Browser.start()) {
      browser.open(base + "/").waitHydrated();
      By total = By.cssSelector(".total [data-text=total]");
      String rendered = browser.textContent(browser.driver().findElement(total)).trim();
      assertTrue(rendered.matches("\\d+"), "server-rendered total: " + rendered);

      // High fives from outside the browser: only the bridge can tell the page about them.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        String sent = post("/api/Counter/highFive", "{}").body();
        try {
          browser.waitFor(Duration.ofSeconds(1),
            d -> sent.equals(browser.textContent(d.findElement(total)).trim()));
          System.out.println("[cluster] the counter page went from " + rendered + " to " + sent);
          return;
        } catch (org.openqa.selenium.TimeoutException notYet) {
          if (System.nanoTime() > deadline) {
            fail("the page still shows " + browser.textContent(browser.driver().findElement(total))
              + " after high-five " + sent + "; console: " + browser.consoleLogs());
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @Order(4)
  void aStreamFromAFunctionNodeIsPausedByASlowReaderOnTheWebNode() throws Exception {
    int to = Counter.MAX_COUNT;
    try (StreamSocket socket = StreamSocket.post(port(base), "/api/Counter/count", "{\"to\":" + to + "}",
      "Accept: application/x-ndjson\r\n", 8192)) {
      assertTrue(socket.readUntil("\n1000\n", 10_000).contains("\n1000\n"), "no items through the web node");
      Thread.sleep(1500);
      double sent = streamItems();
      Thread.sleep(1000);
      // The web node stopped writing, so it stopped granting credit, so the function node's source stopped.
      assertEquals(sent, streamItems(), "items kept crossing the cluster to a reader that reads nothing");
      assertTrue(sent < to, "the whole stream was sent");
      socket.readUntil("\n500000\n", 30_000);
      assertTrue(socket.text().contains("\n499999\n500000\n"), "items out of order or missing across the cluster");
    }
    System.out.printf("[cluster] a paused reader on the web node held count(%d) at %.0f items sent%n", to, streamItems());
  }

  @Test
  @Order(4)
  void aStreamWhoseFunctionNodeDiesFailsAtItsReaderWithinTheIdleTimeout() throws Exception {
    // A node of its own to kill, so the others keep serving the later tests.
    NodeProcess doomed = node("functions-doomed", "node.role", "functions");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
    StreamSocket stream = null;
    while (stream == null) {
      if (System.nanoTime() > deadline) fail("no stream was served by the new function node within 45 s");
      StreamSocket candidate = StreamSocket.post(port(base), "/api/Nodes/watch", "{\"everyMs\":100}", "", 0);
      String first = candidate.readUntil("\n\n", 5000);
      if (first.contains("pid " + doomed.pid())) {
        stream = candidate;
      } else {
        candidate.close();
        Thread.sleep(100);
      }
    }
    try (StreamSocket socket = stream) {
      long killedAt = System.nanoTime();
      doomed.kill();
      String text = socket.readUntil("event: problem", STREAM_IDLE_TIMEOUT_MS + 3000);
      double seconds = (System.nanoTime() - killedAt) / 1e9;
      assertTrue(text.contains("event: problem"), "the stream did not fail at its reader: " + text);
      assertTrue(text.contains("\"status\":504"), text);
      assertTrue(seconds <= STREAM_IDLE_TIMEOUT_MS / 1000.0 + 1.5, "failed only after " + seconds + " s");
      System.out.printf("[cluster] kill -9 of the node serving a stream: its reader got the problem %.2f s later"
        + " (api.streamIdleTimeout %d ms)%n", seconds, STREAM_IDLE_TIMEOUT_MS);
    }
  }

  private static int port(String url) {
    return URI.create(url).getPort();
  }

  private static double streamItems() throws IOException, InterruptedException {
    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
      HttpResponse.BodyHandlers.ofString());
    for (String line : metrics.body().split("\n")) {
      if (line.startsWith("verve_stream_items_total{interface=\"Counter\",method=\"count\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  @Test
  @Order(5)
  void whenAFunctionNodeIsKilledLaterCallsGoToTheSurvivor() throws Exception {
    assertNotNull(whoami(), "the cluster does not answer before the kill");
    List<Probe> probes = new ArrayList<>();
    long killedAt = System.nanoTime();
    fn2.kill();

    double window = callUntilRecovered(probes, killedAt, "kill -9");
    System.out.printf("[cluster] kill -9 of a function node: calls consistently succeed from %.2f s after the kill "
      + "(%d calls: %s)%n", window, probes.size(), outcomes(probes));
    assertLastServedBy(probes, fn1);
  }

  @Test
  @Order(6)
  void aFunctionNodeThatLeavesGracefullyHandsOverToTheOthers() throws Exception {
    NodeProcess fn3 = node("functions-3", "node.role", "functions");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
    while (!Long.valueOf(fn3.pid()).equals(whoami())) {
      if (System.nanoTime() > deadline) fail("a function node started on a running cluster served nothing within 45 s");
      Thread.sleep(100);
    }
    System.out.printf("[cluster] a function node started on the running cluster served after %.1f s%n",
      fn3.secondsSinceStart());

    List<Probe> probes = new ArrayList<>();
    long stoppedAt = System.nanoTime();
    fn1.stop(); // SIGTERM
    double window = callUntilRecovered(probes, stoppedAt, "SIGTERM");
    System.out.printf("[cluster] SIGTERM of a function node: calls consistently succeed from %.2f s after the signal "
      + "(%d calls: %s); the node exited: %s%n", window, probes.size(), outcomes(probes), fn1.waitFor(30));
    // The leaving node may still have served calls at first: it finishes what reaches it before it leaves.
    assertLastServedBy(probes, fn3);
  }

  /**
   * A call every 100 ms until 20 in a row succeed (2 s) with every earlier call finished, at most 45 s
   * after {@code since}; returns how long after {@code since} that streak started, in seconds.
   */
  private double callUntilRecovered(List<Probe> probes, long since, String event) throws InterruptedException {
    long deadline = since + TimeUnit.SECONDS.toNanos(45);
    int streakStart = -1;
    while (System.nanoTime() < deadline) {
      probes.add(new Probe(System.nanoTime(), http.sendAsync(request("/api/Nodes/whoami", "{}"),
        HttpResponse.BodyHandlers.ofString())));
      streakStart = recoveredFrom(probes, 20);
      if (streakStart >= 0) break;
      Thread.sleep(100);
    }
    if (streakStart < 0) fail("calls did not consistently succeed within 45 s of " + event + "; outcomes: " + outcomes(probes));
    return Math.max(0, probes.get(streakStart).startNanos - since) / 1e9;
  }

  private static Map<String, Integer> outcomes(List<Probe> probes) {
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    for (Probe p : probes) if (p.call.isDone()) outcomes.merge(p.outcome(), 1, Integer::sum);
    return outcomes;
  }

  @Test
  @Order(7)
  void callsInFlightOnAFunctionNodeThatLeavesStillGetTheirReplies() throws Exception {
    // After the previous test only functions-3 serves; one more node, then one slow call on each.
    NodeProcess fn3 = nodes.stream().filter(n -> n.name.equals("functions-3")).findFirst().orElseThrow();
    NodeProcess fn4 = node("functions-4", "node.role", "functions");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
    while (!Long.valueOf(fn4.pid()).equals(whoami())) {
      if (System.nanoTime() > deadline) fail("functions-4 served nothing within 45 s");
      Thread.sleep(100);
    }
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < 2; i++) { // round-robin: one on each node
      slow.add(http.sendAsync(request("/api/Counter/doubleServer", "{\"number\": 21}"), HttpResponse.BodyHandlers.ofString()));
    }
    Thread.sleep(300); // both are inside their second of "work"
    fn3.stop();
    for (CompletableFuture<HttpResponse<String>> call : slow) {
      HttpResponse<String> response = call.get(15, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("42", response.body());
    }
    assertTrue(fn3.waitFor(30), "the node did not exit after SIGTERM");
  }

  /** The last ten finished calls were all served by {@code node}. */
  private static void assertLastServedBy(List<Probe> probes, NodeProcess node) {
    List<String> last = new ArrayList<>();
    for (int i = probes.size() - 1; i >= 0 && last.size() < 10; i--) {
      if (probes.get(i).call.isDone()) last.add(probes.get(i).outcome());
    }
    assertEquals(Collections.nCopies(10, "200 pid " + node.pid()), last);
  }

  /**
   * The index of the first call of the last run of at least {@code n} successes, the calls still in flight
   * after it aside, once every call before it has finished; else -1.
   */
  private static int recoveredFrom(List<Probe> probes, int n) {
    int i = probes.size() - 1;
    while (i >= 0 && !probes.get(i).call.isDone()) i--;
    int end = i;
    while (i >= 0 && probes.get(i).call.isDone() && probes.get(i).succeeded()) i--;
    int start = i + 1;
    if (end - start + 1 < n) return -1;
    for (int j = 0; j < start; j++) if (!probes.get(j).call.isDone()) return -1;
    return start;
  }

  private record Probe(long startNanos, CompletableFuture<HttpResponse<String>> call) {
    boolean succeeded() {
      return outcome().startsWith("200 ");
    }

    String outcome() {
      try {
        HttpResponse<String> r = call.getNow(null);
        if (r == null) return "pending";
        if (r.statusCode() != 200) return String.valueOf(r.statusCode());
        Matcher m = PID.matcher(r.body());
        return m.find() ? "200 pid " + m.group(1) : "200 " + r.body();
      } catch (java.util.concurrent.CompletionException e) {
        return e.getCause().getClass().getSimpleName();
      }
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static NodeProcess node(String name, String... props) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("vertx.hazelcast.config", clusterXml.toString());
    for (int i = 0; i < props.length; i += 2) properties.put(props[i], props[i + 1]);
    // Web nodes sign users in from the users table; function nodes keep the todos.
    properties.putIfAbsent("db.url", dbUrl != null ? dbUrl : "jdbc:h2:./data/" + name);
    properties.putIfAbsent("auth.passwordIterations", "1000");
    properties.putIfAbsent("auth.tokenKey", TOKEN_KEY);
    NodeProcess node = NodeProcess.start(name, jar.toAbsolutePath(), workDir, logDir, properties, null,
      "-cluster", "-cluster-host", "127.0.0.1");
    nodes.add(node);
    return node;
  }

  /** The pid of the function node that served {@code Nodes.whoami} through the web node, or null. */
  static Long whoami() {
    try {
      HttpResponse<String> response = post("/api/Nodes/whoami", "{}");
      if (response.statusCode() != 200) return null;
      Matcher m = PID.matcher(response.body());
      return m.find() ? Long.valueOf(m.group(1)) : null;
    } catch (IOException notYet) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest request(String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
      .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) request.header("Authorization", "Bearer " + token);
    return request.build();
  }

  static void destroyAll() {
    for (NodeProcess node : nodes) node.destroy();
  }

  static void printLogs() {
    for (NodeProcess node : nodes) {
      String text = node.logText();
      String[] lines = text.split("\n");
      int from = Math.max(0, lines.length - 200);
      System.out.println("===== " + node.name + " (pid " + node.pid() + (node.isAlive() ? "" : ", exited")
        + "), last " + (lines.length - from) + " lines of " + node.log.toAbsolutePath() + " =====");
      for (int i = from; i < lines.length; i++) System.out.println(lines[i]);
    }
  }

  /** Prints the nodes' logs when a test or the cluster's start fails. */
  static final class PrintLogsOnFailure implements TestWatcher, LifecycleMethodExecutionExceptionHandler {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      printLogs();
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
      printLogs();
      throw cause;
    }
  }
}
