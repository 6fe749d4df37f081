package dev.verve.examples.bench;

import dev.verve.examples.bench.raw.RawVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both benchmark apps answer the shared workload (WORKLOAD.md) exactly: the Verve app
 * ({@link BenchVerticle}) and the raw vertx-web baseline ({@link RawVerticle}), each on a real server.
 */
@ExtendWith(NoBlockedThreads.class)
class BenchWorkloadTest {

  static final String VERVE_DOUBLE = "/api/Bench/doubleNumber";
  static final String RAW_DOUBLE = "/api/double";

  static TestServer verve;
  static Vertx rawVertx;
  static WebClient raw;

  @BeforeAll
  static void start() {
    verve = TestServer.start(BenchVerticle::new, new JsonObject());
    rawVertx = Vertx.vertx();
    RawVerticle verticle = new RawVerticle();
    await(rawVertx.deployVerticle(verticle, new DeploymentOptions().setConfig(new JsonObject().put("http.port", 0))));
    raw = WebClient.create(rawVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(verticle.actualPort()));
  }

  @AfterAll
  static void stop() {
    verve.close();
    raw.close();
    await(rawVertx.close());
  }

  @Test
  void theRawFortunesPageIsTheWorkloadsPage() {
    HttpResponse<Buffer> page = await(raw.get("/fortunes").send());
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.getHeader("Content-Type").toLowerCase());
    Workload.checkPage(page.bodyAsString("UTF-8"), "state");
    // Byte for byte the page the vertx-web, express and fastify peers serve.
    assertEquals(2243, page.body().length());
  }

  @Test
  void theVerveFortunesPageHasTheWorkloadsRowsAndState() {
    HttpResponse<Buffer> page = await(verve.http.get("/fortunes").send());
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.getHeader("Content-Type").toLowerCase());
    Workload.checkPage(page.bodyAsString("UTF-8"), "verve-state");
  }

  @Test
  void doubleAnswersTheSameBytesOnBothApps() {
    for (HttpResponse<Buffer> response : new HttpResponse[] {
      verve.postJson(VERVE_DOUBLE, "{\"number\": 21}"), postJson(raw, RAW_DOUBLE, "{\"number\": 21}")}) {
      assertEquals(200, response.statusCode());
      assertEquals("application/json", response.getHeader("Content-Type"));
      assertEquals("{\"result\":42}", response.bodyAsString());
    }
  }

  @Test
  void malformedJsonIs400OnBothApps() {
    assertBadRequest(verve.postJson(VERVE_DOUBLE, "{\"number\": 21"));
    assertBadRequest(postJson(raw, RAW_DOUBLE, "{\"number\": 21"));
  }

  @Test
  void aBodyWithoutANumericNumberIs400OnBothApps() {
    for (String body : new String[] {"{}", "{\"number\": \"21\"}", "{\"number\": null}", "[21]"}) {
      assertBadRequest(verve.postJson(VERVE_DOUBLE, body));
      assertBadRequest(postJson(raw, RAW_DOUBLE, body));
    }
  }

  private static void assertBadRequest(HttpResponse<Buffer> response) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Content-Type").matches("application/(problem\\+)?json"),
      "a JSON error body: " + response.getHeader("Content-Type"));
    new JsonObject(response.bodyAsString()); // parses
  }

  private static HttpResponse<Buffer> postJson(WebClient client, String path, String json) {
    return await(client.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(json)));
  }
}
