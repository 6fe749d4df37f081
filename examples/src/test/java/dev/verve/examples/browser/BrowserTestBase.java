package dev.verve.examples.browser;

import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One fixture server for all browser test classes (started on first use, closed when the run ends) and
 * one browser per class.
 */
abstract class BrowserTestBase {

  static FixtureVerticle fixture;
  static TestServer server;
  static Browser browser;

  @RegisterExtension
  static final BeforeAllCallback SHARED_SERVER = context -> {
    Browser.assumeAvailable();
    Shared shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
      .getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
    fixture = shared.fixture;
    server = shared.server;
  };

  /** On a failure: the console messages on stdout and a screenshot in target/browser-failures/. */
  @RegisterExtension
  static final TestWatcher EVIDENCE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser == null) return;
      String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
      try {
        System.out.println(name + " failed on " + browser.driver().getCurrentUrl() + "; console: " + console());
        System.out.println("screenshot: " + browser.screenshot(Path.of("target", "browser-failures", name + ".png")));
      } catch (RuntimeException e) {
        System.out.println(name + ": no evidence from the browser: " + e);
      }
    }
  };

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) browser.close();
    browser = null;
  }

  static String url(String path) {
    return "http://127.0.0.1:" + server.port + path;
  }

  /** Opens a fixture page and waits for hydration. */
  static Browser page(String name) {
    return browser.open(url("/fixtures/" + name)).waitHydrated();
  }

  /** The console messages since the last look, as "LEVEL message" lines. */
  static List<String> console() {
    return browser.consoleLogs().stream().map(LogEntry::toString).collect(Collectors.toList());
  }

  private static final class Shared implements ExtensionContext.Store.CloseableResource {
    final FixtureVerticle fixture = new FixtureVerticle();
    final TestServer server = TestServer.start(() -> fixture, new JsonObject());

    @Override
    public void close() {
      server.close();
    }
  }
}
