package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cross-site calls are refused unless the origin is listed in {@code api.allowedOrigins}. */
@ExtendWith(NoBlockedThreads.class)
class OriginTest {

  static final String ALLOWED = "https://app.example.com";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new,
      new JsonObject().put("api.allowedOrigins", new JsonArray().add(ALLOWED)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  HttpResponse<Buffer> callFrom(String origin) {
    return await(server.http.post("/api/Counter/getServerData").putHeader("Origin", origin)
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{}")));
  }

  @Test
  void aForeignOriginIs403() {
    assertProblem(callFrom("https://evil.example"), 403);
    assertProblem(callFrom("null"), 403);
    assertProblem(callFrom("http://127.0.0.1:1"), 403);
  }

  @Test
  void theSameOriginIsAllowed() {
    HttpResponse<Buffer> response = callFrom("http://127.0.0.1:" + server.port);
    assertEquals(200, response.statusCode());
    assertNull(response.getHeader("Access-Control-Allow-Origin"));
  }

  @Test
  void aListedOriginIsAllowedWithCorsHeaders() {
    HttpResponse<Buffer> response = callFrom(ALLOWED);
    assertEquals(200, response.statusCode());
    assertEquals(ALLOWED, response.getHeader("Access-Control-Allow-Origin"));
  }

  @Test
  void aListedOriginsPreflightIsAnswered() {
    HttpResponse<Buffer> response = await(server.request(HttpMethod.OPTIONS, "/api/Counter/getServerData")
      .putHeader("Origin", ALLOWED).putHeader("Access-Control-Request-Method", "POST")
      .putHeader("Access-Control-Request-Headers", "content-type").send());
    assertEquals(204, response.statusCode());
    assertEquals(ALLOWED, response.getHeader("Access-Control-Allow-Origin"));
    assertEquals("POST", response.getHeader("Access-Control-Allow-Methods"));
  }

  @Test
  void aForeignPreflightIs403() {
    HttpResponse<Buffer> response = await(server.request(HttpMethod.OPTIONS, "/api/Counter/getServerData")
      .putHeader("Origin", "https://evil.example").putHeader("Access-Control-Request-Method", "POST").send());
    assertProblem(response, 403);
  }
}
