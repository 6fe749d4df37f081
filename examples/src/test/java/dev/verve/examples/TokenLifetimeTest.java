package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bearer token lives as long as its {@code exp} says and no longer: one without {@code exp} is refused
 * however well signed, and signing out with a token revokes it at once.
 */
@ExtendWith(NoBlockedThreads.class)
class TokenLifetimeTest {

  private static final String KEY = "a-token-key-for-this-test-of-32-characters";

  @Test
  void aTokenWithoutAnExpiryIsRefusedEvenWhenWellSigned() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("auth.tokenKey", KEY))) {
      String token = server.signUp("forever", "correct horse battery");
      assertEquals(200, server.postJson("/api/Todos/list", "{}", token).statusCode());
      JWTAuth jwt = JWTAuth.create(server.vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(KEY)));
      JsonObject claims = new JsonObject().put("sub", "1").put("name", "forever").put("roles", new JsonArray());
      String noExpiry = jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
      HttpResponse<Buffer> refused = server.postJson("/api/Todos/list", "{}", noExpiry);
      assertProblem(refused, 401);
      assertEquals("Bearer error=\"invalid_token\"", refused.getHeader("WWW-Authenticate"));
      // The same claims with an expiry pass: the signature and the key are right.
      String withExpiry = jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(60));
      assertEquals(200, server.postJson("/api/Todos/list", "{}", withExpiry).statusCode());
    }
  }

  @Test
  void signingOutWithATokenRevokesThatToken() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      String token = server.signUp("leaving", "correct horse battery");
      String other = server.token("leaving", "correct horse battery");
      // A call with arguments: the body waits while the token is checked.
      HttpResponse<Buffer> added = server.postJson("/api/Todos/add", "{\"title\": \"Pack\"}", token);
      assertEquals(200, added.statusCode(), added.bodyAsString());
      assertEquals("Pack", added.bodyAsJsonObject().getString("title"));
      HttpResponse<Buffer> out = await(server.http.post("/logout").putHeader("Authorization", "Bearer " + token).send());
      assertEquals(204, out.statusCode(), out.bodyAsString());
      assertProblem(server.postJson("/api/Todos/list", "{}", token), 401);
      assertProblem(await(server.http.post("/logout").putHeader("Authorization", "Bearer " + token).send()), 401);
      // Only that token: the user's other one still works.
      assertEquals(200, server.postJson("/api/Todos/list", "{}", other).statusCode());
    }
  }
}
