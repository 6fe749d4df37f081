package dev.verve.examples.browser;

import dev.verve.examples.DemoVerticle;
import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's pages in a real browser, used as a person would use them. */
class ExamplePagesBrowserTest extends BrowserTestBase {

  static final String HOSTILE = "</script><script>window.__pwned=1</script><!--";

  static void click(String buttonText) {
    browser.findAll("button").stream().filter(b -> buttonText.equals(b.getText())).findFirst()
      .orElseThrow(() -> new AssertionError("no button " + buttonText)).click();
  }

  // The todos are a signed-in user's: this class's browser is one.
  @BeforeAll
  static void signedIn() {
    signUp(browser, url(""), newUser("pages"));
  }

  static String h1() {
    return browser.texts("h1").get(0);
  }

  @Test
  void theCounterCountsInTheBrowserAndDoublesOnTheServer() {
    browser.open(url("/")).waitHydrated();
    assertEquals("High-Five counter: 0", h1());
    click("Up high!");
    click("Up high!");
    click("Up high!");
    click("Down low!");
    browser.waitText("h1", "High-Five counter: 2");
    int calls = fixture.apiRequests("/api/Counter/doubleServer");
    click("Double");
    browser.waitFor(java.time.Duration.ofSeconds(15), d -> "High-Five counter: 4".equals(h1()));
    assertEquals(calls + 1, fixture.apiRequests("/api/Counter/doubleServer"));
    // The README's screenshot: the demo as this test leaves it.
    browser.screenshot(Path.of("..", "docs", "demo.png"));
  }

  @Test
  void serverDataIsShownWithoutAnyCallFromTheBrowser() {
    int before = fixture.apiRequests("/api/Counter/getServerData");
    browser.open(url("/server-data")).waitHydrated();
    assertEquals("server data is Hello from the server!", browser.texts("#server-data").get(0));
    assertEquals(before, fixture.apiRequests("/api/Counter/getServerData"));
    Object apiEntries = browser.js("return performance.getEntriesByType('resource')"
      + ".filter(e => e.name.includes('/api/')).length");
    assertEquals(0L, apiEntries);
  }

  @Test
  void clientDataIsFetchedAfterLoad() {
    int before = fixture.apiRequests("/api/Counter/getServerData");
    browser.open(url("/client-data"));
    browser.waitFor(d -> browser.find("#client-data").getText().equals("server data is Hello from the server!"));
    assertEquals(before + 1, fixture.apiRequests("/api/Counter/getServerData"));
  }

  @Test
  void todosAreAddedToggledAndRemovedThroughTheTodosFunctions() {
    browser.open(url("/todos")).waitHydrated();
    WebElement input = browser.find("form.add input");
    input.sendKeys("Write the README");
    click("Add");
    browser.waitFor(d -> titles().contains("Write the README"));
    assertEquals("", input.getDomProperty("value"));

    WebElement item = item("Write the README");
    item.findElement(By.cssSelector("button.check")).click();
    browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return [...document.querySelectorAll('li.todo')]"
      + ".find(li => li.textContent.includes('Write the README')).hasAttribute('data-done')")));
    // Reloading shows what the server has, rendered on the server.
    browser.open(url("/todos")).waitHydrated();
    assertNotNull(item("Write the README").getDomAttribute("data-done"));

    item("Write the README").findElement(By.cssSelector("button.remove")).click();
    browser.waitFor(d -> !titles().contains("Write the README"));
  }

  @Test
  void todosAddedInTheBrowserAreStillThereAfterTheServerRestarts(@TempDir Path data) {
    JsonObject config = new JsonObject().put("db.url", "jdbc:h2:" + data.resolve("todos"));
    String user = newUser("restart");
    // A browser of its own: cookies are per host, not per port, and this one must not sign the class's out.
    try (Browser own = Browser.start()) {
      TestServer first = TestServer.start(DemoVerticle::new, config);
      try {
        signUp(own, "http://127.0.0.1:" + first.port, user);
        own.open("http://127.0.0.1:" + first.port + "/todos").waitHydrated();
        own.find("form.add input").sendKeys("Outlive a restart");
        own.findAll("button").stream().filter(b -> "Add".equals(b.getText())).findFirst().orElseThrow().click();
        own.waitFor(d -> own.texts("li.todo .title").contains("Outlive a restart"));
      } finally {
        first.close();
      }
      try (TestServer second = TestServer.start(DemoVerticle::new, config)) {
        signIn(own, "http://127.0.0.1:" + second.port, user);
        own.open("http://127.0.0.1:" + second.port + "/todos").waitHydrated();
        assertEquals(List.of("Outlive a restart"), own.texts("li.todo .title"));
      }
    }
  }

  @Test
  void aRejectedTitleShowsTheProblemNextToTheForm() {
    browser.open(url("/todos")).waitHydrated();
    click("Add");
    browser.waitFor(d -> browser.find("#title-error").isDisplayed());
    assertEquals("A todo needs a title", browser.find("#title-error").getText());
    browser.find("form.add input").sendKeys("Fixed");
    click("Add");
    browser.waitFor(d -> !browser.find("#title-error").isDisplayed());
    assertTrue(titles().contains("Fixed"));
  }

  @Test
  void aHostileTodoIsTextRunsNothingAndSurvivesTheStateBlock() {
    browser.open(url("/todos")).waitHydrated();
    browser.find("form.add input").sendKeys(HOSTILE);
    click("Add");
    browser.waitFor(d -> titles().contains(HOSTILE));
    // Rendered by the server this time, then hydrated from the state block.
    browser.open(url("/todos")).waitHydrated();
    assertTrue(titles().contains(HOSTILE), titles().toString());
    assertNull(browser.js("return window.__pwned"));
    Object fromState = browser.js("return JSON.parse(document.getElementById('verve-state').textContent)"
      + ".todos.some(t => t.title === arguments[0])", HOSTILE);
    assertEquals(true, fromState);
  }

  @Test
  void everyExamplePageHydratesWithoutConsoleErrors() {
    for (String path : List.of("/", "/server-data", "/client-data", "/todos")) {
      browser.open(url(path)).waitHydrated();
      List<String> errors = console().stream().filter(l -> l.contains("SEVERE")).toList();
      assertTrue(errors.isEmpty(), path + ": " + errors);
    }
  }

  @Test
  void pagesShowTheirServerRenderedDataWithJavaScriptOff() {
    try (Browser noJs = Browser.startWithoutJavaScript()) {
      noJs.open(url("/"));
      assertEquals("High-Five counter: 0", noJs.texts("h1").get(0));
      noJs.open(url("/server-data"));
      assertEquals("server data is Hello from the server!", noJs.find("#server-data").getText());
      noJs.open(url("/client-data"));
      assertTrue(noJs.find("body").getText().contains("needs JavaScript"));
      noJs.open(url("/todos"));
      assertTrue(noJs.driver().getCurrentUrl().endsWith("/login?returnTo=%2Ftodos"), noJs.driver().getCurrentUrl());
      signUp(noJs, url(""), newUser("nojs"));
      noJs.open(url("/todos"));
      assertTrue(noJs.findAll("html[data-verve-hydrated]").isEmpty());
      assertTrue(noJs.find("form.add").isDisplayed());
    }
  }

  @Test
  void twoBrowsersBothSeeANewHighFiveTotal() {
    try (Browser other = Browser.start()) {
      browser.open(url("/")).waitHydrated();
      other.open(url("/")).waitHydrated();
      int before = total(browser);
      // The other window subscribes as it hydrates; click until its live value moves (no reload).
      boolean seen = false;
      for (int i = 0; i < 10 && !seen; i++) {
        click("High five!");
        try {
          other.waitFor(java.time.Duration.ofSeconds(1), d -> total(other) > before);
          seen = true;
        } catch (org.openqa.selenium.TimeoutException notYet) {
          // its socket was not registered yet: the next click will tell
        }
      }
      assertTrue(seen, "the other window never saw a new total");
      browser.waitFor(d -> total(browser) == total(other) && total(browser) > before);
    }
  }

  static int total(Browser b) {
    return Integer.parseInt(b.texts("p.total span").get(0));
  }

  static List<String> titles() {
    return browser.texts("li.todo .title");
  }

  static WebElement item(String title) {
    return browser.findAll("li.todo").stream()
      .filter(li -> title.equals(li.findElement(By.cssSelector(".title")).getText()))
      .findFirst().orElseThrow(() -> new AssertionError("no todo " + title + " in " + titles()));
  }
}
