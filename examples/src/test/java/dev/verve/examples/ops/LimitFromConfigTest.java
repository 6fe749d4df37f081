package dev.verve.examples.ops;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.LauncherProcess;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code api.maxInFlight} set as an operator sets it: the environment variable {@code VERVE_API_MAXINFLIGHT}
 * (a node of its own, started by the launcher, since a JVM cannot change its own environment) and the system
 * property {@code -Dapi.maxInFlight}. Five calls that take a second each fill the node; the sixth is 503.
 */
class LimitFromConfigTest {

  private static final int LIMIT = 5;

  @Test
  void theEnvironmentVariableLimitsCalls() throws Exception {
    try (LauncherProcess node = LauncherProcess.start("dev.verve.examples.DemoVerticle",
      Map.of("VERVE_API_MAXINFLIGHT", String.valueOf(LIMIT), "VERVE_DB_URL", "jdbc:h2:mem:env-limit"))) {
      assertLimited(node.awaitPort());
    }
  }

  @Test
  @ExtendWith(NoBlockedThreads.class)
  void theSystemPropertyLimitsCalls() throws Exception {
    System.setProperty("api.maxInFlight", String.valueOf(LIMIT));
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject())) {
      assertLimited(server.port);
    } finally {
      System.clearProperty("api.maxInFlight");
    }
  }

  private static void assertLimited(int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) slow.add(client.sendAsync(call(port), HttpResponse.BodyHandlers.ofString()));
    awaitInFlight(client, port, LIMIT);
    HttpResponse<String> refused = client.send(call(port), HttpResponse.BodyHandlers.ofString());
    assertEquals(503, refused.statusCode(), refused.body());
    assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
    for (CompletableFuture<HttpResponse<String>> call : slow) {
      assertEquals(200, call.get(30, TimeUnit.SECONDS).statusCode());
    }
  }

  // Counter.doubleServer answers after a one-second timer.
  private static HttpRequest call(int port) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/Counter/doubleServer"))
      .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
      .POST(HttpRequest.BodyPublishers.ofString("{\"number\": 21}")).build();
  }

  private static void awaitInFlight(HttpClient client, int port, int count) throws Exception {
    HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    Pattern gauge = Pattern.compile("(?m)^verve_in_flight (\\S+)$");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Matcher m = gauge.matcher(client.send(metrics, HttpResponse.BodyHandlers.ofString()).body());
      if (m.find() && Double.parseDouble(m.group(1)) == count) return;
      if (System.nanoTime() > deadline) throw new AssertionError("verve_in_flight never reached " + count);
      Thread.sleep(20);
    }
  }
}
