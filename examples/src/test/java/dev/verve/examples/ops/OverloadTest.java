package dev.verve.examples.ops;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code api.maxInFlight}: past it, calls and pages get 503 with Retry-After at once; health and metrics still answer. */
@ExtendWith(NoBlockedThreads.class)
class OverloadTest {

  private static final int MAX = 3;

  @Test
  void pastTheLimitCallsAndPagesAre503AtOnceAndHealthAndMetricsStillAnswer() {
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject().put("api.maxInFlight", MAX))) {
      // MAX calls that take a second each (a timer in Counter.doubleServer) fill the node.
      List<Future<HttpResponse<Buffer>>> slow = new ArrayList<>();
      for (int i = 0; i < MAX; i++) {
        slow.add(server.http.post("/api/Counter/doubleServer").putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer("{\"number\": " + i + "}")));
      }
      waitUntilInFlight(server, MAX);

      HttpResponse<Buffer> refused = server.postJson("/api/Probe/echo", "{\"text\": \"one too many\"}");
      assertProblem(refused, 503);
      assertEquals("1", refused.getHeader("Retry-After"));
      HttpResponse<Buffer> page = await(server.request(HttpMethod.GET, "/server-data").send());
      assertEquals(503, page.statusCode());
      assertEquals("1", page.getHeader("Retry-After"));
      assertTrue(page.getHeader("Content-Type").startsWith("text/html"));
      // Refused at once: the calls holding the places are all still running.
      for (Future<HttpResponse<Buffer>> call : slow) assertFalse(call.isComplete(), "a slow call ended before the refusals");

      assertEquals(200, await(server.request(HttpMethod.GET, "/health/live").send()).statusCode());
      // Ready answers too (503 only because ProbeVerticle exposes Absent, which nothing serves).
      HttpResponse<Buffer> ready = await(server.request(HttpMethod.GET, "/health/ready").send());
      assertEquals(503, ready.statusCode());
      assertTrue(ready.bodyAsString().contains("\"unserved\":[\"Absent\"]"), ready.bodyAsString());
      String metrics = Metrics.scrape(server);
      assertEquals(1, Metrics.value(metrics, "verve_function_calls_seconds_count", "interface=\"Probe\",method=\"echo\",status=\"503\""));
      assertEquals(1, Metrics.value(metrics, "verve_page_requests_seconds_count", "status=\"503\",template=\"server-data\""));

      for (Future<HttpResponse<Buffer>> call : slow) assertEquals(200, await(call).statusCode());
      // The places are given back: the node serves again.
      assertEquals(200, server.postJson("/api/Probe/echo", "{\"text\": \"again\"}").statusCode());
      assertEquals(200, await(server.request(HttpMethod.GET, "/server-data").send()).statusCode());
    }
  }

  @Test
  void aClientThatHangsUpGivesItsPlaceBack() throws Exception {
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject().put("api.maxInFlight", 1)
      // Closing waits up to api.timeout for the call still running; the hung one never ends.
      .put("api.timeout", 1000))) {
      // Probe.hang never answers; the client gives up after 300 ms and closes its connection.
      io.vertx.ext.web.client.WebClient impatient = io.vertx.ext.web.client.WebClient.create(server.vertx,
        new io.vertx.ext.web.client.WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port)
          .setIdleTimeout(300).setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
      try {
        Future<HttpResponse<Buffer>> hung = impatient.post("/api/Probe/hang").send();
        waitUntilInFlight(server, 1);
        assertProblem(server.postJson("/api/Probe/echo", "{\"text\": \"busy\"}"), 503);
        Boolean gaveUp = await(hung.transform(ar -> Future.succeededFuture(ar.failed())));
        assertTrue(gaveUp, "the impatient client gave up");
        waitUntilInFlight(server, 0);
        assertEquals(200, server.postJson("/api/Probe/echo", "{\"text\": \"free\"}").statusCode());
        assertEquals(1, Metrics.value(Metrics.scrape(server), "verve_function_calls_seconds_count",
          "interface=\"Probe\",method=\"hang\",status=\"closed\""));
      } finally {
        impatient.close();
      }
    }
  }

  private static void waitUntilInFlight(TestServer server, int count) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Metrics.value(Metrics.scrape(server), "verve_in_flight", "") != count) {
      if (System.nanoTime() > deadline) throw new AssertionError("in flight never reached " + count);
      await(server.vertx.timer(20));
    }
  }
}
