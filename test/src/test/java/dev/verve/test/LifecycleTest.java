package dev.verve.test;

import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** One instance for the class: its constructor gets the app, and a @Nested class runs against the same one. */
@VerveTest(KitVerticle.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleTest {

  private final TestApp app;
  private final WebClientSession browser;
  private TestApp beforeAll;

  // Made before any beforeAll: the kit starts the app for it.
  LifecycleTest(TestApp app, WebClientSession browser) {
    this.app = app;
    this.browser = browser;
  }

  @BeforeAll
  void keep(TestApp app) {
    beforeAll = app;
  }

  @Test
  @Order(1)
  void theConstructorAndBeforeAllHaveTheSameApp(TestApp app) {
    assertSame(this.app, app);
    assertSame(beforeAll, app);
  }

  @Test
  @Order(2)
  void whatTheConstructorOpenedStaysForTheClass() {
    assertEquals(200, app.await(browser.get("/kit/caller").send()).statusCode());
  }

  @Nested
  class Inside {

    @Test
    void aNestedClassUsesTheAppOfItsClass(TestApp nested) {
      assertSame(app, nested);
    }
  }
}
