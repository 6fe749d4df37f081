package dev.verve.examples.ops;

import dev.verve.examples.DemoVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every answer is counted by status in {@code /metrics}, not only calls and pages: 404s, guard refusals, 413s, files. */
@ExtendWith(NoBlockedThreads.class)
class AnswersCountedTest {

  @Test
  void notFoundGuardRefusalsTooLargeAndStaticFilesAreCountedByStatus() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("api.bodyLimit", 1024))) {
      String before = Metrics.scrape(server);
      assertEquals(404, await(server.request(HttpMethod.GET, "/no-such-page").send()).statusCode());
      assertEquals(404, await(server.request(HttpMethod.GET, "/no-such-page").send()).statusCode());
      assertEquals(421, await(server.request(HttpMethod.GET, "/").putHeader("Host", "rebind.evil.example").send()).statusCode());
      assertEquals(413, await(server.http.post("/api/Counter/doubleServer").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"number\": \"" + "x".repeat(4096) + "\"}"))).statusCode());
      assertEquals(200, await(server.request(HttpMethod.GET, "/verve/verve.js").send()).statusCode());
      String after = Metrics.scrape(server);
      assertEquals(2, delta(before, after, "404"));
      assertEquals(1, delta(before, after, "421"));
      assertEquals(1, delta(before, after, "413"));
      // verve.js, and the first /metrics (answered before the second scrape counted it).
      assertEquals(2, delta(before, after, "200"));
    }
  }

  private static double delta(String before, String after, String status) {
    String labels = "status=\"" + status + "\"";
    return Metrics.value(after, "verve_http_responses_total", labels) - Metrics.value(before, "verve_http_responses_total", labels);
  }
}
