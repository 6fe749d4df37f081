package dev.verve.examples;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of DESIGN.md's status table, each answered with problem details; the server keeps serving. */
@ExtendWith(NoBlockedThreads.class)
class StatusTableTest {

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(ProbeVerticle::new, new JsonObject().put("api.timeout", 500));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void stillServing() {
    assertEquals("\"still here\"", server.postJson("/api/Probe/echo", "{\"text\": \"still here\"}").bodyAsString());
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(server.postJson("/api/Probe/echo", "{\"text\": "), 400);
  }

  @Test
  void aBodyThatIsNotAnObjectIs400() {
    assertProblem(server.postJson("/api/Probe/echo", "[\"hi\"]"), 400);
    assertProblem(server.postJson("/api/Probe/echo", "\"hi\""), 400);
  }

  @Test
  void aMissingArgumentIs400() {
    JsonObject problem = assertProblem(server.postJson("/api/Probe/echo", "{}"), 400);
    assertEquals("text", problem.getJsonArray("errors").getJsonObject(0).getString("argument"));
  }

  @Test
  void anUnknownInterfaceOrMethodIs404() {
    assertProblem(server.postJson("/api/Nope/echo", "{}"), 404);
    assertProblem(server.postJson("/api/Probe/nope", "{}"), 404);
    assertProblem(server.postJson("/api/Probe", "{}"), 404);
    assertProblem(server.postJson("/api/Probe/echo/extra", "{}"), 404);
  }

  @Test
  void anInterfaceWithoutServerFunctionsIsNeverReachableOverHttp() {
    assertProblem(server.postJson("/api/Hidden/secret", "{}"), 404);
  }

  @Test
  void anotherMethodThanPostIs405WithAllow() {
    for (HttpMethod method : new HttpMethod[]{HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE}) {
      HttpResponse<Buffer> response = await(server.request(method, "/api/Probe/echo").send());
      assertProblem(response, 405);
      assertEquals("POST", response.getHeader("Allow"));
    }
  }

  @Test
  void aContentTypeOtherThanJsonOrAFormIs415() {
    HttpResponse<Buffer> response = await(server.http.post("/api/Probe/echo")
      .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{\"text\": \"hi\"}")));
    assertProblem(response, 415);
    // A form is a way in of its own (FormsTest).
    HttpResponse<Buffer> form = await(server.http.post("/api/Probe/echo")
      .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer("text=hi")));
    assertEquals(200, form.statusCode());
    HttpResponse<Buffer> withCharset = await(server.http.post("/api/Probe/echo")
      .putHeader("Content-Type", "application/json; charset=utf-8").sendBuffer(Buffer.buffer("{\"text\": \"hi\"}")));
    assertEquals(200, withCharset.statusCode());
  }

  @Test
  void aBodyWithoutContentTypeIs415() {
    HttpResponse<Buffer> response = await(server.http.post("/api/Probe/echo").sendBuffer(Buffer.buffer("{\"text\": \"hi\"}")));
    assertProblem(response, 415);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String text = "x".repeat(2 * 1024 * 1024);
    assertProblem(server.postJson("/api/Probe/echo", "{\"text\": \"" + text + "\"}"), 413);
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() {
    io.vertx.core.streams.ReadStream<Buffer> chunks = new ChunkedBody(3, 512 * 1024);
    HttpResponse<Buffer> response = await(server.http.post("/api/Probe/echo")
      .putHeader("Content-Type", "application/json").sendStream(chunks));
    assertProblem(response, 413);
  }

  @Test
  void aServiceExceptionWithAnHttpCodeGivesThatStatusAndMessage() {
    for (int code : new int[]{400, 403, 404, 409, 422, 500, 503}) {
      JsonObject problem = assertProblem(
        server.postJson("/api/Probe/failWith", "{\"code\": " + code + ", \"message\": \"custom " + code + "\"}"), code);
      assertEquals("custom " + code, problem.getString("detail"));
    }
  }

  @Test
  void aServiceExceptionWithAnotherCodeIsAGeneric500() {
    JsonObject problem = assertProblem(server.postJson("/api/Probe/failWith", "{\"code\": 7, \"message\": \"odd\"}"), 500);
    assertFalse(problem.getString("detail").contains("odd"));
    assertNotNull(problem.getString("correlationId"));
  }

  @Test
  void anyOtherFailureIsAGeneric500WithACorrelationIdAndNoSecret() {
    for (String function : new String[]{"crash", "explode"}) {
      HttpResponse<Buffer> response = server.postJson("/api/Probe/" + function, "{\"secret\": \"hunter2\"}");
      JsonObject problem = assertProblem(response, 500);
      assertFalse(response.bodyAsString().contains("hunter2"), response.bodyAsString());
      String id = problem.getString("correlationId");
      assertNotNull(id);
      assertTrue(problem.getString("detail").contains(id));
    }
  }

  @Test
  void theCorrelationIdIsTheOneTheFunctionsNodeLoggedWithTheStackTrace() {
    java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.verve.fn.impl.SafeService");
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord record) { records.add(record); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    log.addHandler(capture);
    try {
      String id = assertProblem(server.postJson("/api/Probe/crash", "{\"secret\": \"s\"}"), 500).getString("correlationId");
      assertTrue(records.stream().anyMatch(r -> r.getMessage().contains(id) && r.getThrown() != null
        && r.getThrown().getMessage().contains("database password")), "no log line with " + id);
    } finally {
      log.removeHandler(capture);
    }
  }

  @Test
  void noConsumerAnywhereIs503() {
    assertProblem(server.postJson("/api/Absent/hello", "{}"), 503);
  }

  @Test
  void noReplyWithinTheTimeoutIs504() {
    assertProblem(server.postJson("/api/Probe/hang", "{}"), 504);
  }

  @Test
  void aVoidFunctionIs204() {
    HttpResponse<Buffer> response = server.postJson("/api/Probe/nothing", "{}");
    assertEquals(204, response.statusCode());
  }

  /** A body sent in chunks without Content-Length, so the limit is hit while reading. */
  private static final class ChunkedBody implements io.vertx.core.streams.ReadStream<Buffer> {
    private final int chunks;
    private final int size;
    private io.vertx.core.Handler<Buffer> handler;
    private io.vertx.core.Handler<Void> end;
    private boolean started;

    ChunkedBody(int chunks, int size) {
      this.chunks = chunks;
      this.size = size;
    }

    @Override
    public ChunkedBody exceptionHandler(io.vertx.core.Handler<Throwable> h) { return this; }

    @Override
    public ChunkedBody handler(io.vertx.core.Handler<Buffer> h) { handler = h; start(); return this; }

    @Override
    public ChunkedBody pause() { return this; }

    @Override
    public ChunkedBody resume() { start(); return this; }

    @Override
    public ChunkedBody fetch(long amount) { start(); return this; }

    @Override
    public ChunkedBody endHandler(io.vertx.core.Handler<Void> h) { end = h; start(); return this; }

    private void start() {
      if (started || handler == null || end == null) return;
      started = true;
      handler.handle(Buffer.buffer("{\"text\": \""));
      for (int i = 0; i < chunks; i++) handler.handle(Buffer.buffer("x".repeat(size)));
      handler.handle(Buffer.buffer("\"}"));
      end.handle(null);
    }
  }
}
