package dev.verve.test;

import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a test opens is closed after it; what @BeforeAll opens stays for the class. */
@VerveTest(value = KitVerticle.class, config = "eventbus.outbound=kit.news")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosingTest {

  private static TestUser classUser;
  private static WebClientSession classBrowser;
  private static WebClientSession testBrowser;
  private static WebClientSession constructorBrowser;
  private static TestUser testUser;
  private static BusSubscription testSubscription;

  private final WebClientSession constructed;

  // One instance per test: what its constructor is handed is that test's.
  ClosingTest(WebClientSession browser) {
    constructed = browser;
  }

  @BeforeAll
  static void openForTheClass(TestUser user, WebClientSession browser) {
    classUser = user;
    classBrowser = browser;
  }

  @Test
  @Order(1)
  void opens(TestApp app, WebClientSession browser, TestUser user) {
    testBrowser = browser;
    constructorBrowser = constructed;
    testUser = user;
    testSubscription = app.subscribe("kit.news");
    assertEquals(200, app.await(constructed.get("/kit/caller").send()).statusCode());
  }

  @Test
  @Order(2)
  void whatTheTestOpenedIsClosed(TestApp app) {
    assertThrows(RuntimeException.class, () -> app.await(testBrowser.get("/kit/caller").send()));
    assertThrows(RuntimeException.class, () -> app.await(constructorBrowser.get("/kit/caller").send()));
    long start = System.nanoTime();
    AssertionError closed = assertThrows(AssertionError.class, testSubscription::next);
    assertTrue(closed.getMessage().contains("closed the socket"), closed.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "a closed socket fails at once");
  }

  @Test
  @Order(3)
  void aUserWhoseBrowserWasClosedSignsInAnew(TestApp app) {
    assertTrue(caller(app, testUser.browser()).startsWith(testUser.username() + " "));
  }

  @Test
  @Order(4)
  void whatTheClassOpenedStaysOpen(TestApp app) {
    assertEquals("anonymous", caller(app, classBrowser));
    assertTrue(caller(app, classUser.browser()).startsWith(classUser.username() + " "));
  }

  private static String caller(TestApp app, WebClientSession browser) {
    return app.await(browser.get("/kit/caller").send()).bodyAsString();
  }
}
