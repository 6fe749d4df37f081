package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A visitor who is not signed in and posts a form that fails gets the problem on the next page, without a
 * session: 50,000 such posts leave the heap where it was (the flashes wait in a capped store).
 */
@ExtendWith(NoBlockedThreads.class)
class AnonymousFlashTest {

  static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  static Future<HttpResponse<Buffer>> failedPost(TestServer server, WebClientSession browser) {
    return browser.post("/api/Counter/doubleServer").putHeader("Accept", BROWSER_ACCEPT)
      .putHeader("Referer", "http://127.0.0.1:" + server.port + "/server-data")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("number", "twenty-one"));
  }

  @Test
  void theNextPageShowsTheProblemAndNoSessionIsMade() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      WebClientSession browser = server.browser();
      HttpResponse<Buffer> posted = await(failedPost(server, browser));
      assertEquals(303, posted.statusCode());
      assertEquals("/server-data", posted.getHeader("Location"));
      assertTrue(posted.cookies().stream().anyMatch(c -> c.startsWith("verve.flash=")), String.valueOf(posted.cookies()));
      assertTrue(posted.cookies().stream().noneMatch(c -> c.startsWith("verve.session=")), "a session for an anonymous flash: " + posted.cookies() + " " + posted.headers());

      String page = await(browser.get("/server-data").send()).bodyAsString();
      assertTrue(page.contains("must be an int"), page);
      assertTrue(page.contains("\"problem\""), "no problem in the page's state: " + page);
      // Shown once.
      assertTrue(!await(browser.get("/server-data").send()).bodyAsString().contains("\"problem\""));
    }
  }

  @Test
  void fiftyThousandFailedAnonymousPostsLeaveTheHeapWhereItWas() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      // Warm: the first posts load classes and fill caches that stay.
      for (int i = 0; i < 200; i++) await(failedPost(server, server.browser()));
      long before = heapAfterGc();
      int posts = 50_000;
      for (int sent = 0; sent < posts; sent += 100) {
        List<Future<HttpResponse<Buffer>>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) batch.add(failedPost(server, server.browser()));
        for (Future<HttpResponse<Buffer>> answer : batch) assertEquals(303, await(answer).statusCode());
      }
      long grown = heapAfterGc() - before;
      System.out.printf("[flash] %,d failed anonymous form posts: heap after GC grew by %.1f MB%n", posts, grown / 1e6);
      assertTrue(grown < 30_000_000, "the heap grew by " + grown / 1_000_000 + " MB");
    }
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
