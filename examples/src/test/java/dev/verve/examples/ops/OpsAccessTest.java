package dev.verve.examples.ops;

import dev.verve.examples.DemoVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may read {@code /health/*} and {@code /metrics}: a loopback client that came through no proxy, or a
 * caller with {@code ops.role}. The tests run on loopback, so a client "from elsewhere" is one whose
 * request a proxy forwarded ({@code X-Forwarded-For}), or any client once {@code ops.loopbackOpen} is off.
 */
@ExtendWith(NoBlockedThreads.class)
class OpsAccessTest {

  private static final String ADMIN_PASSWORD = "admin password for the ops tests";

  @Test
  void aForwardedRequestNeedsTheRoleAndGets401Or403WithoutIt() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("ops.role", "admin").put("auth.adminPassword", ADMIN_PASSWORD))) {
      String userToken = server.signUp("ada", "correct horse battery");
      String adminToken = server.token("admin", ADMIN_PASSWORD);
      for (String path : new String[] {"/metrics", "/health/ready", "/health/live"}) {
        assertEquals(200, get(server, path, null, false).statusCode(), path + " from loopback");
        HttpResponse<Buffer> anonymous = get(server, path, null, true);
        assertProblem(anonymous, 401);
        assertEquals("Bearer", anonymous.getHeader("WWW-Authenticate"));
        assertProblem(get(server, path, userToken, true), 403);
        assertEquals(200, get(server, path, adminToken, true).statusCode(), path + " with the role");
      }
    }
  }

  @Test
  void withLoopbackClosedEvenALocalClientNeedsTheRole() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("ops.loopbackOpen", false).put("auth.adminPassword", ADMIN_PASSWORD).put("ops.role", "admin"))) {
      assertProblem(get(server, "/metrics", null, false), 401);
      assertProblem(get(server, "/health/ready", null, false), 401);
      assertEquals(200, get(server, "/metrics", server.token("admin", ADMIN_PASSWORD), false).statusCode());
    }
  }

  @Test
  void publicHealthOpensHealthButNotMetrics() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("ops.publicHealth", true))) {
      assertEquals(200, get(server, "/health/ready", null, true).statusCode());
      assertEquals(200, get(server, "/health/live", null, true).statusCode());
      assertProblem(get(server, "/metrics", null, true), 401);
    }
  }

  private static HttpResponse<Buffer> get(TestServer server, String path, String token, boolean forwarded) {
    HttpRequest<Buffer> request = server.request(HttpMethod.GET, path);
    if (forwarded) request.putHeader("X-Forwarded-For", "203.0.113.7");
    if (token != null) request.putHeader("Authorization", "Bearer " + token);
    return await(request.send());
  }
}
