package dev.verve.examples.browser;

import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger USERS = new AtomicInteger();

  /** A username no test has used yet. */
  static String newUser(String prefix) {
    return prefix + USERS.incrementAndGet();
  }

  /** Signs a new user up through the sign-up form (no JavaScript needed); {@code b} is then signed in. */
  static void signUp(Browser b, String base, String username) {
    submitAuthForm(b, base + "/signup", username);
  }

  /** Signs in through the sign-in form. */
  static void signIn(Browser b, String base, String username) {
    submitAuthForm(b, base + "/login", username);
  }

  private static void submitAuthForm(Browser b, String formUrl, String username) {
    b.open(formUrl);
    b.find("form.verve-auth input[name=username]").sendKeys(username);
    b.find("form.verve-auth input[name=password]").sendKeys(PASSWORD);
    b.find("form.verve-auth button[type=submit]").click();
    b.waitFor(d -> !d.findElements(By.cssSelector(".who .user")).isEmpty());
    assertEquals(username, b.find(".who .user strong").getText());
  }

  /** The header's sign-out button: a plain form post. */
  static void signOut(Browser b) {
    b.find(".who form button").click();
    b.waitFor(d -> !d.findElements(By.cssSelector(".who a[href='/login']")).isEmpty());
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
