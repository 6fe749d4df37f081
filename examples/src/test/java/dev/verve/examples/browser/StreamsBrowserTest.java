package dev.verve.examples.browser;

import dev.verve.examples.ops.Metrics;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stream functions in real Chromium: the generated module's async iterable, and a live list in two tabs. */
class StreamsBrowserTest extends BrowserTestBase {

  @Test
  void forAwaitGetsEveryItemInOrder() {
    browser.open(url("/")).waitHydrated();
    Object result = browser.jsAsync("const { count } = await import('/verve/fn/Counter.js');"
      + "let n = 0, inOrder = true;"
      + "for await (const x of count(100000)) { if (x !== ++n) inOrder = false; }"
      + "return [n, inOrder];");
    assertEquals(List.of(100000L, true), result);
  }

  @Test
  void breakAndAbortStopTheStreamAtTheServer() throws InterruptedException {
    browser.open(url("/")).waitHydrated();
    Object taken = browser.jsAsync("const { count } = await import('/verve/fn/Counter.js');"
      + "let last = 0; for await (const x of count(10000000)) { last = x; if (x === 1000) break; } return last;");
    assertEquals(1000L, taken);
    awaitNoOpenStream();

    Object aborted = browser.jsAsync("const { count } = await import('/verve/fn/Counter.js');"
      + "const stop = new AbortController(); let last = 0;"
      + "try { for await (const x of count(10000000, stop.signal)) { last = x; if (x === 500) stop.abort(); } }"
      + "catch (e) { return [last, e.name]; } return [last, 'no error'];");
    assertEquals(500L, ((List<?>) aborted).get(0), String.valueOf(aborted));
    awaitNoOpenStream();
  }

  @Test
  void aRefusalThrowsServerFunctionError() {
    browser.open(url("/")).waitHydrated();
    Object failure = browser.jsAsync("const { count } = await import('/verve/fn/Counter.js');"
      + "try { for await (const x of count(0)) {} return 'no error'; }"
      + "catch (e) { return { name: e.name, phase: e.phase, status: e.status, argument: e.problem.errors[0].argument }; }");
    assertEquals(Map.of("name", "ServerFunctionError", "phase", "http", "status", 400L, "argument", "to"), failure);
  }

  @Test
  void twoTabsOfOneUserStayInStepEachChangeShownOnce() {
    signUp(browser, url(""), newUser("live"));
    WebDriver driver = browser.driver();
    browser.open(url("/todos")).waitHydrated();
    String first = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    browser.open(url("/todos")).waitHydrated();
    String second = driver.getWindowHandle();
    // The second tab's stream is open before the first tab changes anything.
    browser.waitFor(d -> Metrics.value(Metrics.scrape(server), "verve_streams_open", "") >= 2);

    driver.switchTo().window(first);
    browser.find("form.add input").sendKeys("Milk");
    browser.find("form.add button").click();
    browser.waitFor(d -> titles(d).equals(List.of("Milk")));

    driver.switchTo().window(second);
    browser.waitFor(d -> titles(d).equals(List.of("Milk")));
    browser.find("li.todo form.toggle button").click();
    browser.waitFor(d -> d.findElements(By.cssSelector("li.todo[data-done]")).size() == 1);

    driver.switchTo().window(first);
    browser.waitFor(d -> d.findElements(By.cssSelector("li.todo[data-done]")).size() == 1);
    assertEquals(List.of("Milk"), titles(driver), "a change arrived twice and showed twice");
    browser.find("li.todo form.remove button").click();
    browser.waitFor(d -> titles(d).isEmpty());

    driver.switchTo().window(second);
    browser.waitFor(d -> titles(d).isEmpty());
    driver.close();
    driver.switchTo().window(first);
    assertTrue(console().stream().noneMatch(m -> m.contains("duplicate key")), String.valueOf(console()));
  }

  @Test
  void aListKeptLiveFromABusAddressAppliesUpsertsAndRemovalsByKey() throws InterruptedException {
    browser.open(url("/live-list")).waitHydrated();
    assertEquals(List.of("one", "two"), names(browser.driver()));
    // Published until the page's subscription is there; an upsert of the same item twice shows once.
    JsonObject three = new JsonObject().put("upsert", new JsonObject().put("id", 3).put("title", "three").put("done", false));
    long deadline = System.currentTimeMillis() + 10_000;
    while (!names(browser.driver()).contains("three") && System.currentTimeMillis() < deadline) {
      server.vertx.eventBus().publish(FixtureVerticle.LIVE_ADDRESS, three);
      Thread.sleep(100);
    }
    server.vertx.eventBus().publish(FixtureVerticle.LIVE_ADDRESS, three);
    server.vertx.eventBus().publish(FixtureVerticle.LIVE_ADDRESS,
      new JsonObject().put("upsert", new JsonObject().put("id", 1).put("title", "uno").put("done", true)));
    server.vertx.eventBus().publish(FixtureVerticle.LIVE_ADDRESS, new JsonObject().put("remove", 2));
    browser.waitFor(d -> names(d).equals(List.of("uno", "three")));
    assertEquals(1, browser.driver().findElements(By.cssSelector("li.todo[data-done]")).size(), "row 1 not replaced");
    // A plain item (no "upsert") is an upsert of itself.
    server.vertx.eventBus().publish(FixtureVerticle.LIVE_ADDRESS, new JsonObject().put("id", 4).put("title", "four").put("done", false));
    browser.waitFor(d -> names(d).equals(List.of("uno", "three", "four")));
  }

  private static List<String> names(WebDriver driver) {
    return driver.findElements(By.cssSelector("li.todo .title")).stream().map(e -> e.getText()).toList();
  }

  private static List<String> titles(WebDriver driver) {
    return driver.findElements(By.cssSelector("li.todo .title")).stream().map(e -> e.getText()).toList();
  }

  private static void awaitNoOpenStream() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 1000;
    double open;
    while ((open = Metrics.value(Metrics.scrape(server), "verve_streams_open", "")) > 0
      && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0.0, open, "a stream was still open a second after its reader stopped");
  }
}
