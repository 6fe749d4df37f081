package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in limits that cannot be turned on a name's owner: failures count per name and client address and
 * per address across names, the address from {@code X-Forwarded-For} only behind a trusted proxy; and a
 * node runs a bounded number of password checks, answering 503 past its queue instead of making everyone
 * wait.
 */
@ExtendWith(NoBlockedThreads.class)
class SignInLimitsTest {

  private static final String PASSWORD = "correct horse battery";

  private static HttpResponse<Buffer> token(TestServer server, String username, String password, String from) {
    return await(tokenRequest(server, username, password, from));
  }

  private static Future<HttpResponse<Buffer>> tokenRequest(TestServer server, String username, String password, String from) {
    return tokenRequest(server.http, username, password, from);
  }

  private static Future<HttpResponse<Buffer>> tokenRequest(WebClient client, String username, String password, String from) {
    return client.post("/auth/token").putHeader("Content-Type", "application/json")
      .putHeader("X-Forwarded-For", from)
      .sendBuffer(new JsonObject().put("username", username).put("password", password).toBuffer());
  }

  @Test
  void anAttackerLocksOutOnlyHimselfAndSprayingStops() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("http.trustedProxies", new JsonArray().add("127.0.0.1")).put("auth.maxFailuresPerAddress", 8))) {
      server.signUp("owner", PASSWORD);
      for (int i = 0; i < 5; i++) assertEquals(401, token(server, "owner", "guess " + i, "203.0.113.7").statusCode());
      HttpResponse<Buffer> locked = token(server, "owner", PASSWORD, "203.0.113.7");
      assertEquals(429, locked.statusCode(), locked.bodyAsString());
      assertNotNull(locked.getHeader("Retry-After"));
      // The owner, from anywhere else, signs in.
      assertEquals(200, token(server, "owner", PASSWORD, "198.51.100.1").statusCode());
      // One password over many names from one address: stopped at auth.maxFailuresPerAddress (8 here).
      for (int i = 0; i < 3; i++) assertEquals(401, token(server, "name" + i, "Summer2026!", "203.0.113.7").statusCode());
      assertEquals(429, token(server, "another", "Summer2026!", "203.0.113.7").statusCode());
      // A client cannot pick its address: without a trusted proxy the header is ignored.
    }
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      server.signUp("owner", PASSWORD);
      for (int i = 0; i < 5; i++) {
        assertEquals(401, token(server, "owner", "guess " + i, "203.0.113." + i).statusCode());
      }
      assertEquals(429, token(server, "owner", PASSWORD, "198.51.100.1").statusCode());
    }
  }

  @Test
  void aUserSignsInWhileFortyAddressesKeepFailing() throws Exception {
    // Production's hashing and the default limits: 4 checks at once, 8 waiting.
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("auth.passwordIterations", 210_000).put("http.trustedProxies", new JsonArray().add("127.0.0.1")))) {
      server.signUp("owner", PASSWORD);
      // One check's time on this machine, now: the bound below scales with it (a shared 2-core machine's speed
      // drifts by half between runs).
      long alone = Long.MAX_VALUE;
      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        assertEquals(200, token(server, "owner", PASSWORD, "203.0.113.9").statusCode());
        alone = Math.min(alone, (System.nanoTime() - start) / 1_000_000);
      }
      // 40 connections of their own, so that the attackers are 40 at once and the owner waits for none of them.
      WebClient attackersClient = WebClient.create(server.vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(40));
      java.util.concurrent.atomic.AtomicBoolean flooding = new java.util.concurrent.atomic.AtomicBoolean(true);
      java.util.concurrent.ConcurrentLinkedQueue<Integer> attackers = new java.util.concurrent.ConcurrentLinkedQueue<>();
      List<io.vertx.core.Promise<Void>> stopped = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        stopped.add(done);
        flood(attackersClient, "198.51.100." + (i + 1), flooding, attackers, done);
      }
      // Until every address has failed a few times: they now queue behind anyone who has not.
      long until = System.currentTimeMillis() + 15_000;
      while (attackers.stream().filter(status -> status == 401).count() < 80 && System.currentTimeMillis() < until) {
        Thread.sleep(50);
      }
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        HttpResponse<Buffer> owner = token(server, "owner", PASSWORD, "203.0.113.9");
        times.add((System.nanoTime() - start) / 1_000_000);
        assertEquals(200, owner.statusCode(), owner.bodyAsString());
      }
      flooding.set(false);
      stopped.forEach(p -> await(p.future()));
      long refused = attackers.stream().filter(status -> status == 503).count();
      System.out.println("[sign-in flood] the owner's sign-ins took " + times + " ms (one alone " + alone + " ms) while 40 addresses failed "
        + attackers.stream().filter(status -> status == 401).count() + " times (" + refused + " answered 503)");
      assertTrue(refused > 0, "the flood was large enough to fill the queue");
      // Waiting behind no queued attacker, the owner's check shares the cores with at most the 4 running ones
      // and waits for at most one of them to end: a few times one check's time. Behind the queue (8 more
      // checks, two more rounds of 4) it would be twice that.
      long bound = Math.max(1000, 6 * alone);
      assertTrue(times.stream().allMatch(ms -> ms < bound),
        "the owner's sign-ins took " + times + " ms, one check alone " + alone + " ms");
      attackersClient.close();
    }
  }

  // One attacker: a wrong password, again as soon as it is answered, until told to stop. After a 503 it tries
  // again 10 ms later: the attackers share this JVM and its cores with the server, and tens of thousands of
  // instant 503 round trips would measure this test's own client, not the queue; the queue stays full.
  private static void flood(WebClient client, String from, java.util.concurrent.atomic.AtomicBoolean flooding,
                            java.util.Queue<Integer> statuses, io.vertx.core.Promise<Void> done) {
    if (!flooding.get()) {
      done.complete();
      return;
    }
    tokenRequest(client, "victim", "wrong guess", from).onComplete(ar -> {
      if (ar.succeeded()) statuses.add(ar.result().statusCode());
      if (ar.succeeded() && ar.result().statusCode() == 503) {
        Vertx.currentContext().owner().setTimer(10, id -> flood(client, from, flooding, statuses, done));
      } else {
        flood(client, from, flooding, statuses, done);
      }
    });
  }

  @Test
  void pastThePasswordCheckQueueSignInsAre503AtOnce() {
    // Slow hashes, as in production, so that checks overlap.
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("auth.passwordIterations", 300_000).put("auth.passwordChecks", 1).put("auth.passwordCheckQueue", 1)
      .put("auth.maxFailuresPerAddress", 1000))) {
      List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
      for (int i = 0; i < 6; i++) flood.add(tokenRequest(server, "nobody" + i, "wrong", "127.0.0.1"));
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<Buffer>> answer : flood) {
        HttpResponse<Buffer> response = await(answer);
        statuses.add(response.statusCode());
        if (response.statusCode() == 503) assertEquals("1", response.getHeader("Retry-After"));
      }
      assertTrue(statuses.contains(503), statuses.toString());
      assertTrue(statuses.contains(401), statuses.toString());
      // Once the flood is over, checks run again.
      assertEquals(401, token(server, "nobody", "wrong", "127.0.0.1").statusCode());
    }
  }
}
