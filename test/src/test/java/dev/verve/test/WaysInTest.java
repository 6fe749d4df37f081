package dev.verve.test;

import dev.verve.client.VerveClient;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way into the app the kit hands a test, against a small app of its own. */
@VerveTest(value = KitVerticle.class,
  config = {"eventbus.outbound=kit.news", "kit.number=5", "kit.flag=true", "kit.text=two words"})
class WaysInTest {

  @Test
  void theAppRunsOnLoopbackOnAFreePortWithAFreshDatabaseAndTheClassSettings(TestApp app, WebClientSession browser) {
    assertTrue(app.port() > 0);
    assertEquals("http://127.0.0.1:" + app.port(), app.url());
    JsonObject settings = app.await(browser.get("/kit/settings").send()).bodyAsJsonObject();
    assertEquals("127.0.0.1", settings.getString("http.host"));
    assertTrue(settings.getString("db.url").startsWith("jdbc:h2:mem:verve-test-"), settings.getString("db.url"));
    assertEquals(1000, settings.getNumber("auth.passwordIterations").intValue());
    assertEquals(5, settings.getValue("kit.number"));
    assertEquals(true, settings.getValue("kit.flag"));
    assertEquals("two words", settings.getValue("kit.text"));
  }

  @Test
  void eachUserIsNewWithARandomPasswordATokenAndASignedInBrowser(TestApp app, TestUser ada, TestUser grace) {
    assertTrue(ada.username().startsWith("user-"), ada.username());
    assertNotEquals(ada.username(), grace.username());
    assertTrue(ada.password().length() >= 12);
    assertNotEquals(ada.password(), grace.password());
    assertTrue(caller(app, ada.browser()).startsWith(ada.username() + " "));
    HttpResponse<Buffer> withToken = app.await(app.browser().get("/kit/caller").bearerTokenAuthentication(ada.token()).send());
    assertTrue(withToken.bodyAsString().startsWith(ada.username() + " "), withToken.bodyAsString());
  }

  @Test
  void aBrowserIsAnonymousKeepsCookiesAndDoesNotFollowRedirects(TestApp app, WebClientSession browser,
                                                                @SignedIn WebClientSession signedIn) {
    assertEquals("anonymous", caller(app, browser));
    assertTrue(caller(app, signedIn).startsWith("user-"));
    HttpResponse<Buffer> signedUp = app.await(browser.post("/signup").sendForm(MultiMap.caseInsensitiveMultiMap()
      .add("username", "by-hand").add("password", "a long enough password")));
    assertEquals(303, signedUp.statusCode(), signedUp.bodyAsString());
    assertTrue(caller(app, browser).startsWith("by-hand "), "the session cookie was kept");
  }

  @Test
  void aClientCallsTheAppsFunctions(TestApp app, VerveClient client, @SignedIn VerveClient signedIn) {
    // This app has none: each answers as an unknown function does.
    for (VerveClient each : List.of(client, signedIn)) {
      ServiceException unknown = assertThrows(ServiceException.class,
        () -> app.await(each.call("Nothing", "here", new JsonObject())));
      assertEquals(404, unknown.failureCode());
    }
  }

  @Test
  void aSubscriptionSeesWhatIsPublishedAsSoonAsItReturns(TestApp app) {
    // No retries: the registration is in place when subscribe returns, every time.
    for (int i = 0; i < 20; i++) {
      try (BusSubscription news = app.subscribe("kit.news")) {
        app.vertx().eventBus().publish("kit.news", new JsonObject().put("n", i));
        app.vertx().eventBus().publish("kit.news", i);
        assertEquals(new JsonObject().put("n", i), news.next());
        assertEquals(i, news.next());
        assertEquals(List.of(new JsonObject().put("n", i), i), news.received());
      }
    }
  }

  @Test
  void anAddressTheBridgeDoesNotDeliverFailsTheSubscriptionAtOnce(TestApp app) {
    long start = System.nanoTime();
    AssertionError refused = assertThrows(AssertionError.class, () -> app.subscribe("kit.secret"));
    assertTrue(refused.getMessage().startsWith("The bridge refused to deliver kit.secret (access_denied)"),
      refused.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "no waiting for a timeout");
  }

  @Test
  void aUsersOwnAddressReachesOnlyThem(TestApp app, TestUser ada, TestUser grace) {
    String inbox = "user." + caller(app, ada.browser()).split(" ")[1] + ".inbox";
    try (BusSubscription adas = app.subscribe(inbox, ada)) {
      app.vertx().eventBus().publish(inbox, "for Ada");
      assertEquals("for Ada", adas.next());
    }
    assertThrows(AssertionError.class, () -> app.subscribe(inbox, grace));
    assertThrows(AssertionError.class, () -> app.subscribe(inbox));
  }

  @Test
  void awaitThrowsAFailureAsItIs(TestApp app) {
    IllegalStateException failure = new IllegalStateException("as it is");
    assertEquals(failure, assertThrows(IllegalStateException.class, () -> app.await(Future.failedFuture(failure))));
    assertEquals("done", app.await(Future.succeededFuture("done")));
  }

  private static String caller(TestApp app, WebClientSession browser) {
    return app.await(browser.get("/kit/caller").send()).bodyAsString();
  }
}
