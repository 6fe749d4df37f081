package dev.verve.examples.browser;

import dev.verve.examples.DemoVerticle;
import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Swagger UI at {@code /api/docs} on the demo in dev mode, in a real browser: it lists every function
 * from the document, and "Try it out" calls them on the same server, as the signed-in user of the page
 * (the session cookie rides along; the origin check lets the same-origin page through).
 */
class ApiDocsBrowserTest extends BrowserTestBase {

  private static TestServer demo;

  @BeforeAll
  static void startDemoInDevMode() {
    demo = TestServer.start(DemoVerticle::new, new JsonObject().put("dev", true));
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) demo.close();
  }

  private static String base() {
    return "http://127.0.0.1:" + demo.port;
  }

  @Test
  void swaggerUiListsTheFunctionsAndTryItOutCallsThemAsTheSignedInUser() {
    String user = newUser("swagger");
    signUp(browser, base(), user);
    browser.open(base() + "/api/docs");
    browser.waitFor(Duration.ofSeconds(20), d -> d.findElements(By.cssSelector(".opblock")).size() == 15);

    String title = "Added from Swagger UI by " + user;
    JsonObject added = tryItOut("Todos", "Todos_add", "{\"title\": \"" + title + "\"}", "200");
    assertEquals(title, added.getString("title"));
    assertEquals(false, added.getBoolean("done"));

    JsonObject doubled = new JsonObject().put("value", tryItOutRaw("Counter", "Counter_doubleServer", "{\"number\": 21}", "200"));
    assertEquals("42", doubled.getString("value").trim());

    // The problem details of a refused call show as they are: no admin role, 403.
    String refused = tryItOutRaw("Admin", "Admin_stats", null, "403");
    assertTrue(refused.contains("\"status\": 403"), refused);
  }

  private static JsonObject tryItOut(String tag, String operationId, String body, String status) {
    return new JsonObject(tryItOutRaw(tag, operationId, body, status));
  }

  /** Expands the operation, presses "Try it out", types the body, executes; the response body shown. */
  private static String tryItOutRaw(String tag, String operationId, String body, String status) {
    String op = "#operations-" + tag + "-" + operationId;
    browser.find(op + " .opblock-summary-control").click();
    browser.waitFor(d -> !d.findElements(By.cssSelector(op + " .try-out__btn")).isEmpty());
    browser.find(op + " .try-out__btn").click();
    if (body != null) {
      WebElement text = browser.waitFor(d -> d.findElements(By.cssSelector(op + " textarea.body-param__text")).stream()
        .findFirst().orElse(null));
      text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      text.sendKeys(body);
    }
    browser.find(op + " .execute").click();
    String shown = browser.waitFor(Duration.ofSeconds(15), d -> {
      var cells = d.findElements(By.cssSelector(op + " .live-responses-table tbody .response-col_status"));
      return cells.isEmpty() || cells.get(0).getText().isBlank() ? null : cells.get(0).getText();
    });
    assertTrue(shown.startsWith(status), operationId + " answered " + shown);
    // The first code block of the live response is its body (the headers come after).
    return browser.find(op + " .live-responses-table tbody .response-col_description .microlight").getText();
  }
}
