package dev.verve.test;

import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** A blocked event loop fails the test it happened in, or the class when it was outside the tests. */
class BlockedThreadsTest {

  @Test
  void aTestDuringWhichAnEventLoopWasBlockedFails() {
    TestExecutionSummary summary = run(BlocksInATest.class);
    assertEquals(1, summary.getTestsFailedCount());
    assertEquals(1, summary.getTestsSucceededCount());
    String message = summary.getFailures().get(0).getException().getMessage();
    assertTrue(message.startsWith("A thread was blocked during the test: Thread vert.x-eventloop-thread-"), message);
  }

  @Test
  void aBlockedEventLoopOutsideTheTestsFailsTheClass() {
    TestExecutionSummary summary = run(BlocksBeforeAll.class);
    assertEquals(1, summary.getTestsSucceededCount());
    assertEquals(1, summary.getContainersFailedCount());
    String message = summary.getFailures().get(0).getException().getMessage();
    assertTrue(message.startsWith("A thread was blocked during the class"), message);
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request().selectors(selectClass(fixture)).build(), listener);
    return listener.getSummary();
  }

  // Fixtures: run by the tests above only (Surefire skips nested classes).

  @VerveTest(KitVerticle.class)
  static class BlocksInATest {

    @Test
    void blocks(TestApp app, WebClientSession browser) {
      app.await(browser.post("/kit/block").send());
    }

    @Test
    void doesNot(TestApp app, WebClientSession browser) {
      app.await(browser.get("/kit/caller").send());
    }
  }

  @VerveTest(KitVerticle.class)
  static class BlocksBeforeAll {

    @BeforeAll
    static void blocks(TestApp app, WebClientSession browser) {
      app.await(browser.post("/kit/block").send());
    }

    @Test
    void doesNot(TestApp app, WebClientSession browser) {
      app.await(browser.get("/kit/caller").send());
    }
  }
}
