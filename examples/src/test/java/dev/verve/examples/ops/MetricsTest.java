package dev.verve.examples.ops;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.RawHttp;
import dev.verve.examples.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics}: Vert.x's HTTP and event-bus meters, and Verve's per function and page, by status. */
@ExtendWith(NoBlockedThreads.class)
class MetricsTest {

  private static final String CALLS = "verve_function_calls_seconds_count";

  @Test
  void eachCallIsCountedByInterfaceMethodAndStatusWithItsLatency() {
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject())) {
      String before = Metrics.scrape(server);
      assertEquals(0, Metrics.value(before, CALLS, "interface=\"Probe\",method=\"echo\",status=\"200\""));

      for (int i = 0; i < 3; i++) assertEquals(200, server.postJson("/api/Probe/echo", "{\"text\": \"hi\"}").statusCode());
      assertEquals(409, server.postJson("/api/Probe/failWith", "{\"code\": 409, \"message\": \"taken\"}").statusCode());
      assertEquals(400, server.postJson("/api/Probe/echo", "{\"text\": 7}").statusCode());
      assertEquals(401, server.postJson("/api/Todos/list", "{}").statusCode());
      assertEquals(200, server.postJson("/api/Counter/doubleServer", "{\"number\": 2}").statusCode());

      String after = Metrics.scrape(server);
      assertEquals(3, Metrics.value(after, CALLS, "interface=\"Probe\",method=\"echo\",status=\"200\""));
      assertEquals(1, Metrics.value(after, CALLS, "interface=\"Probe\",method=\"echo\",status=\"400\""));
      assertEquals(1, Metrics.value(after, CALLS, "interface=\"Probe\",method=\"failWith\",status=\"409\""));
      assertEquals(1, Metrics.value(after, CALLS, "interface=\"Todos\",method=\"list\",status=\"401\""));
      // The latency histogram: doubleServer takes a second, so it is above the 0.5 s bucket and within 2 s.
      String doubled = "interface=\"Counter\",method=\"doubleServer\",status=\"200\"";
      assertEquals(1, Metrics.value(after, CALLS, doubled));
      assertEquals(0, Metrics.value(after, "verve_function_calls_seconds_bucket", doubled + ",le=\"0.5\""));
      assertEquals(1, Metrics.value(after, "verve_function_calls_seconds_bucket", doubled + ",le=\"2.0\""));
      assertTrue(Metrics.value(after, "verve_function_calls_seconds_sum", doubled) >= 1.0);
      // Nothing is left counted as in flight.
      assertEquals(0, Metrics.value(after, "verve_in_flight", ""));
    }
  }

  @Test
  void pagesAreCountedByTemplateAndStatus() {
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject())) {
      assertEquals(200, await(server.request(HttpMethod.GET, "/server-data").send()).statusCode());
      assertEquals(404, await(server.request(HttpMethod.GET, "/probe/missing").send()).statusCode());
      String text = Metrics.scrape(server);
      // /server-data and /probe/missing both render the server-data template.
      assertEquals(1, Metrics.value(text, "verve_page_requests_seconds_count", "status=\"200\",template=\"server-data\""));
      assertEquals(1, Metrics.value(text, "verve_page_requests_seconds_count", "status=\"404\",template=\"server-data\""));
    }
  }

  @Test
  void everyHttpAnswerIsCountedByStatus() throws IOException {
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject().put("api.bodyLimit", 1024))) {
      String before = Metrics.scrape(server);
      // A static file, a missing page, a body over the limit, a cross-site call, a foreign host, a request
      // Vert.x cannot decode (a header line without a colon) and a header block over the limit.
      assertEquals(200, await(server.request(HttpMethod.GET, "/assets/app.css").send()).statusCode());
      assertEquals(404, await(server.request(HttpMethod.GET, "/nowhere").send()).statusCode());
      assertEquals(413, server.postJson("/api/Probe/echo", "{\"text\": \"" + "x".repeat(2000) + "\"}").statusCode());
      assertEquals(403, await(server.request(HttpMethod.POST, "/api/Probe/echo").putHeader("Origin", "https://evil.example")
        .putHeader("Content-Type", "application/json").sendBuffer(io.vertx.core.buffer.Buffer.buffer("{}"))).statusCode());
      assertEquals(421, RawHttp.exchange(server.port, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n").status());
      assertEquals(400, RawHttp.exchange(server.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n").status());
      assertEquals(431, RawHttp.exchange(server.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
        + "a".repeat(9000) + "\r\n\r\n").status());
      String after = Metrics.scrape(server);
      for (String status : new String[]{"404", "413", "403", "421", "400", "431"}) {
        assertEquals(1, count(after, status) - count(before, status), () -> status + " in\n" + after);
      }
      // The file and the first scrape, at least.
      assertTrue(count(after, "200") - count(before, "200") >= 2, after);
    }
  }

  private static double count(String text, String status) {
    return Metrics.value(text, "verve_http_responses_total", "status=\"" + status + "\"");
  }

  @Test
  void vertxEventBusAndJvmMetersAreThereAndItsPerRequestHttpMetersAreNot() {
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject())) {
      assertEquals(200, server.postJson("/api/Probe/echo", "{\"text\": \"hi\"}").statusCode());
      String text = Metrics.scrape(server);
      assertTrue(Metrics.value(text, "vertx_eventbus_handlers", "") > 0, text);
      assertTrue(text.contains("\njvm_memory_used_bytes{"), "JVM meters");
      // Off by default (a registry lookup per meter per request); Verve's own meters count the requests.
      assertFalse(text.contains("vertx_http_server_requests_total"), text);
      // This scrape's own connection, at least.
      assertTrue(Metrics.value(text, "verve_http_connections", "") >= 1, text);
    }
  }
}
