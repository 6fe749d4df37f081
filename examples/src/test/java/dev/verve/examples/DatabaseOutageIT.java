package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.PostgresServer;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The demo on PostgreSQL while the database goes away and comes back, and when the node stops. */
@ExtendWith(NoBlockedThreads.class)
class DatabaseOutageIT {

  @Test
  void whileTheDatabaseIsDownCallsAndPagesAre503AndTheRestServesThenItRecoversWithoutARestart() {
    PostgresServer postgres = PostgresServer.shared();
    String url = postgres.newDatabase();
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("db.url", url))) {
      WebClientSession browser = server.browser();
      server.signUp(browser, "ada", "correct horse battery");
      String token = server.token("ada", "correct horse battery");
      assertEquals(200, server.postJson("/api/Todos/add", "{\"title\": \"Before the outage\"}", token).statusCode());

      postgres.stopServer();
      try {
        JsonObject problem = assertProblem(server.postJson("/api/Todos/list", "{}", token), 503);
        assertEquals("The database is not available", problem.getString("detail"));
        assertProblem(server.postJson("/api/Todos/add", "{\"title\": \"During the outage\"}", token), 503);
        HttpResponse<Buffer> page = await(browser.get("/todos").send());
        assertEquals(503, page.statusCode());
        assertTrue(page.bodyAsString().contains("The database is not available"), page.bodyAsString());
        // What does not need the database keeps working.
        assertEquals("\"Hello from the server!\"", server.postJson("/api/Counter/getServerData", "{}").bodyAsString());
        assertEquals(200, await(server.request(HttpMethod.GET, "/server-data").send()).statusCode());
      } finally {
        postgres.startServer();
      }

      JsonArray list = waitForList(server, token);
      assertEquals(1, list.size());
      assertEquals("Before the outage", list.getJsonObject(0).getString("title"));
      assertEquals(200, await(browser.get("/todos").send()).statusCode());
    }
  }

  @Test
  void readinessIs503NamingTheDatabaseWhileItIsDownAnd200OnceItIsBack() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String url = postgres.newDatabase();
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("db.url", url))) {
      assertEquals(200, readiness(server).statusCode());
      postgres.stopServer();
      try {
        HttpResponse<Buffer> down = readiness(server);
        assertEquals(503, down.statusCode(), down.bodyAsString());
        JsonObject database = check(down.bodyAsJsonObject(), "database");
        assertEquals("DOWN", database.getString("status"));
        assertEquals("UP", check(down.bodyAsJsonObject(), "functions").getString("status"));
        assertEquals(200, await(server.request(HttpMethod.GET, "/health/live").send()).statusCode());
      } finally {
        postgres.startServer();
      }
      // The pool reconnects by itself; readiness follows without a restart.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      HttpResponse<Buffer> ready;
      while ((ready = readiness(server)).statusCode() != 200) {
        if (System.nanoTime() > deadline) fail("not ready 20 s after the database came back: " + ready.bodyAsString());
        Thread.sleep(100);
      }
      assertEquals("UP", check(ready.bodyAsJsonObject(), "database").getString("status"));
    }
  }

  private static HttpResponse<Buffer> readiness(TestServer server) {
    return await(server.request(HttpMethod.GET, "/health/ready").send());
  }

  private static JsonObject check(JsonObject health, String id) {
    for (Object c : health.getJsonArray("checks")) {
      if (id.equals(((JsonObject) c).getString("id"))) return (JsonObject) c;
    }
    throw new AssertionError("no check " + id + " in " + health.encode());
  }

  @Test
  void undeployingTheNodeClosesItsConnections() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String url = postgres.newDatabase();
    TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("db.url", url));
    try {
      server.signUp("ada", "correct horse battery");
      assertTrue(connections(postgres, url) > 0, "the pool holds a connection while serving");
      await(server.undeploy());
      assertEquals(0, connections(postgres, url));
    } finally {
      server.close();
    }
  }

  // The pool drops the connections the restart broke; the first calls after it may still meet one.
  private static JsonArray waitForList(TestServer server, String token) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      HttpResponse<Buffer> response = server.postJson("/api/Todos/list", "{}", token);
      if (response.statusCode() == 200) return response.bodyAsJsonArray();
      assertEquals(503, response.statusCode(), response.bodyAsString());
      if (System.nanoTime() > deadline) fail("no successful call within 20 s of the database's return");
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static int connections(PostgresServer postgres, String url) throws SQLException {
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (Connection connection = postgres.connect(url.replace(name, "postgres"));
         PreparedStatement query = connection.prepareStatement(
           "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
