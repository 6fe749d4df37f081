package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser modules: the runtime and one generated module per exposed interface. */
@ExtendWith(NoBlockedThreads.class)
class ModulesTest {

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String resource(String path) throws IOException {
    try (InputStream in = ModulesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertNotNull(in, path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theGeneratedCounterModuleIsServedAsJavaScript() throws IOException {
    HttpResponse<Buffer> response = await(server.http.get("/verve/fn/Counter.js").send());
    assertEquals(200, response.statusCode());
    assertEquals("text/javascript; charset=utf-8", response.getHeader("Content-Type"));
    assertEquals(resource("verve/fn/Counter.js"), response.bodyAsString());
    assertTrue(response.bodyAsString().contains("export async function doubleServer(number)"));
  }

  @Test
  void theRuntimeIsServedWithAnEtag() {
    HttpResponse<Buffer> response = await(server.http.get("/verve/verve.js").send());
    assertEquals(200, response.statusCode());
    assertTrue(response.bodyAsString().contains("export async function call("));
    String etag = response.getHeader("ETag");
    assertNotNull(etag);
    HttpResponse<Buffer> again = await(server.http.get("/verve/verve.js").putHeader("If-None-Match", etag).send());
    assertEquals(304, again.statusCode());
  }

  @Test
  void modulesOfInterfacesNotExposedHereAreNotServed() {
    assertEquals(404, await(server.http.get("/verve/fn/Probe.js").send()).statusCode());
    assertEquals(404, await(server.http.get("/verve/fn/Nope.js").send()).statusCode());
    assertEquals(404, await(server.http.get("/verve/fn/Counter").send()).statusCode());
  }
}
