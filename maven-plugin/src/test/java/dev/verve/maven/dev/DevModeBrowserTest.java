package dev.verve.maven.dev;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An open page in a real browser (Debian's headless Chromium) follows dev mode by itself: it reloads after a
 * function's change is redeployed, after a template is saved, shows a compile error in its place, and comes
 * back when it is fixed. Skipped without {@code /usr/bin/chromedriver}, except on CI.
 */
class DevModeBrowserTest {

  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path temp;

  @Test
  void anOpenPageFollowsEveryChange() throws Exception {
    Assumptions.assumeTrue(CHROMEDRIVER.canExecute() || "true".equals(System.getenv("CI")),
      "No " + CHROMEDRIVER + ": install Debian's chromium and chromium-driver");
    Starter starter = new Starter(temp.resolve("starter"));
    Vertx vertx = DevMain.vertx();
    DevMode dev = DevMode.start(vertx, starter.settings, new PrintStream(new ByteArrayOutputStream(), true,
      StandardCharsets.UTF_8));
    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/lib/chromium/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--user-data-dir=" + temp.resolve("profile"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
      .usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      // The page is replaced under the wait: an element of the old one going stale means "not yet".
      WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(50));
      wait.ignoring(StaleElementReferenceException.class);
      browser.get("http://127.0.0.1:" + starter.port + "/");
      assertEquals("Hello, world!", browser.findElement(By.id("greeting")).getText());
      // Marks this document: a reload makes a new one, without the mark.
      browser.executeScript("window.verveTestMark = true");

      Starter.edit(starter.java("impl/GreeterImpl.java"), "\"Hello, \"", "\"Howdy, \"");
      wait.until(d -> d.findElement(By.id("greeting")).getText().equals("Howdy, world!"));
      assertTrue(notMarked(browser), "the page was reloaded, not patched");
      browser.executeScript("window.verveTestMark = true");

      Starter.edit(starter.resource("templates/index.hbs"), "<h2>Your notes</h2>", "<h2>Your notes, kept</h2>");
      wait.until(d -> d.getPageSource().contains("Your notes, kept"));
      assertTrue(notMarked(browser));

      Starter.edit(starter.java("impl/GreeterImpl.java"), "\"Howdy, \" + name.strip() + \"!\");",
        "\"Howdy, \" + name.strip() + \"!\")");
      wait.until(d -> !d.findElements(By.id("verve-dev-failure")).isEmpty());
      assertTrue(browser.findElement(By.id("verve-dev-failure")).getText().contains("GreeterImpl.java:"));

      Starter.edit(starter.java("impl/GreeterImpl.java"), "\"Howdy, \" + name.strip() + \"!\")",
        "\"Hi, \" + name.strip() + \"!\");");
      wait.until(d -> !d.findElements(By.id("greeting")).isEmpty()
        && d.findElement(By.id("greeting")).getText().equals("Hi, world!"));
    } finally {
      browser.quit();
      service.stop();
      dev.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static boolean notMarked(JavascriptExecutor browser) {
    return !Boolean.TRUE.equals(browser.executeScript("return window.verveTestMark === true"));
  }
}
