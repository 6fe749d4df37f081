package dev.verve.examples.ops;

import dev.verve.Verve;
import dev.verve.examples.DemoVerticle;
import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code /health/live} and {@code /health/ready}: vertx-health-check's JSON, 503 naming what is not ready. */
@ExtendWith(NoBlockedThreads.class)
class HealthTest {

  @Test
  void theDemoIsLiveAndReadyWithItsFunctionsAndDatabase() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      JsonObject live = health(server.http, "/health/live", 200);
      assertEquals("UP", live.getString("status"));
      JsonObject ready = health(server.http, "/health/ready", 200);
      assertEquals("UP", ready.getString("outcome"));
      assertEquals("UP", check(ready, "functions").getString("status"));
      assertEquals("UP", check(ready, "database").getString("status"));
      assertNull(check(ready, "cluster"), "not clustered: no cluster check");
    }
  }

  @Test
  void anInterfaceThatNoNodeServesMakesReady503NamingIt() {
    // ProbeVerticle exposes Absent over HTTP and nothing anywhere implements it.
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject())) {
      JsonObject ready = health(server.http, "/health/ready", 503);
      assertEquals("DOWN", ready.getString("outcome"));
      JsonObject functions = check(ready, "functions");
      assertEquals("DOWN", functions.getString("status"));
      assertEquals(new JsonArray().add("Absent"), functions.getJsonObject("data").getJsonArray("unserved"));
      assertEquals("UP", check(ready, "database").getString("status"));
      // Liveness is not readiness: the node itself is fine.
      health(server.http, "/health/live", 200);
    }
  }

  @Test
  void aWebNodeIsReadyWhileAnotherVerticleServesItsInterfacesAndNotOnceItHasGone() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      // A web node on the same event bus: it runs no function, and pings the interfaces it exposes.
      DemoVerticle webNode = new DemoVerticle();
      await(server.vertx.deployVerticle(webNode, new DeploymentOptions().setConfig(new JsonObject()
        .put("node.role", "web").put("http.port", 0).put("auth.passwordIterations", 1000)
        .put("db.url", "jdbc:h2:mem:verve-health-web-node"))));
      WebClient web = WebClient.create(server.vertx, new io.vertx.ext.web.client.WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(webNode.actualPort()));
      try {
        JsonObject ready = health(web, "/health/ready", 200);
        assertEquals("UP", check(ready, "functions").getString("status"));
        // A call through it reaches the other verticle's functions, as readiness said it would.
        assertEquals(200, await(web.post("/api/Counter/getServerData").send()).statusCode());

        await(server.undeploy());
        JsonObject notReady = health(web, "/health/ready", 503);
        JsonObject functions = check(notReady, "functions");
        assertEquals("DOWN", functions.getString("status"));
        JsonArray unserved = functions.getJsonObject("data").getJsonArray("unserved");
        assertEquals(new JsonArray().add("Admin").add("Counter").add("Nodes").add("Todos"), sorted(unserved));
      } finally {
        web.close();
      }
    }
  }

  @Test
  void aReadinessCheckOfTheApplicationThatFailsIsNamedInThe503() {
    try (TestServer server = TestServer.start(() -> new DemoVerticle() {
      @Override
      protected void configure(Verve verve) {
        super.configure(verve);
        verve.readiness("queue", () -> Future.failedFuture(new IllegalStateException("secret broker address")))
          .readiness("cache", () -> Future.succeededFuture("warm"));
      }
    }, new JsonObject())) {
      HttpResponse<Buffer> response = await(server.request(HttpMethod.GET, "/health/ready").send());
      assertEquals(503, response.statusCode());
      JsonObject ready = response.bodyAsJsonObject();
      assertEquals("DOWN", check(ready, "queue").getString("status"));
      assertEquals("UP", check(ready, "cache").getString("status"));
      assertEquals(-1, response.bodyAsString().indexOf("secret"), "the failure's text stays on the server");
    }
  }

  static JsonObject health(WebClient http, String path, int status) {
    HttpResponse<Buffer> response = await(http.get(path).send());
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals("application/json;charset=UTF-8", response.getHeader("Content-Type"));
    return response.bodyAsJsonObject();
  }

  static JsonObject check(JsonObject health, String id) {
    for (Object c : health.getJsonArray("checks")) {
      if (id.equals(((JsonObject) c).getString("id"))) return (JsonObject) c;
    }
    return null;
  }

  private static JsonArray sorted(JsonArray names) {
    java.util.List<String> list = new java.util.ArrayList<>();
    names.forEach(n -> list.add((String) n));
    java.util.Collections.sort(list);
    return new JsonArray(new java.util.ArrayList<>(list));
  }
}
