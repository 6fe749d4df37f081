package dev.verve.examples.browser;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.verve.examples.browser.BindingsBrowserTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Page state, server-function calls and their error phases, resources, dev-mode warnings. */
class StateAndCallsBrowserTest extends BrowserTestBase {

  static final String RUNTIME = "const verve = await import('/verve/verve.js');";

  @Test
  void seededStateIsUsedAndNeverFetchedAgain() {
    int before = apiRequests();
    page("seeded.html");
    assertEquals("Hello from the server!", browser.texts("#data").get(0));
    assertEquals(List.of("Seeded </script> safely"), browser.texts("li[data-key]"));
    assertTrue(browser.texts("#stale").get(0).startsWith("fresh"));
    assertEquals("Hello from the server!", browser.jsAsync(RUNTIME + "return verve.store.data"));
    // One call of our own, so that a refetch started by hydration would have arrived before it.
    assertEquals("Hello from the server!",
      browser.jsAsync(RUNTIME + "return verve.call('Counter', 'getServerData')"));
    assertEquals(before + 1, apiRequests());
    assertEquals(1L, browser.js(
      "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).length"));
    assertEquals(List.of(), console());
  }

  @Test
  void callAndTheGeneratedModulesResolveToTheResult() {
    page("seeded.html");
    assertEquals("Hello from the server!",
      browser.jsAsync(RUNTIME + "return verve.call('Counter', 'getServerData', {})"));
    assertEquals(42L, browser.jsAsync(
      "const { doubleServer } = await import('/verve/fn/Counter.js'); return doubleServer(21)"));
  }

  @Test
  void anHttpErrorHasTheStatusAndTheProblem() {
    page("seeded.html");
    // Todos needs a signed-in user; this browser is anonymous.
    Map<String, Object> error = map(browser.jsAsync(RUNTIME + "return verve.call('Todos', 'toggle', { id: 4242 })"));
    assertEquals("Sign in to use Todos.toggle", error.get("error"));
    assertEquals("http", error.get("phase"));
    assertEquals(401L, error.get("status"));
    assertEquals("ServerFunctionError", error.get("name"));
    assertEquals("Sign in to use Todos.toggle", map(error.get("problem")).get("detail"));
    assertEquals(401L, map(error.get("problem")).get("status"));
  }

  @Test
  void anUnreachableServerIsANetworkError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    page("seeded.html");
    Map<String, Object> error = map(browser.jsAsync(RUNTIME
      + "verve.configure({ base: 'http://127.0.0.1:" + closedPort + "' });"
      + "return verve.call('Counter', 'getServerData').then(ok => ({ ok }), e => ({ phase: e.phase, status: e.status,"
      + " instance: e instanceof verve.ServerFunctionError, message: e.message }))"));
    assertEquals("network", error.get("phase"), error.toString());
    assertEquals(0L, error.get("status"));
    assertEquals(true, error.get("instance"));
    assertTrue(String.valueOf(error.get("message")).startsWith("Counter.getServerData: "), error.toString());
    console(); // the browser itself logs the refused connection
  }

  @Test
  void anAnswerThatIsNotJsonIsADecodeError() {
    page("seeded.html");
    Map<String, Object> error = map(browser.jsAsync(RUNTIME
      + "verve.configure({ apiPrefix: '/not-json' }); return verve.call('Counter', 'getServerData')"));
    assertEquals("decode", error.get("phase"));
    assertEquals(200L, error.get("status"));
  }

  @Test
  void resourcesLoadAfterHydrationAndReportFailuresUnderNameError() {
    int before = fixture.apiRequests("/api/Counter/doubleServer");
    page("resources.html");
    // doubleServer takes a second: the loading state shows first.
    assertTrue(browser.find("#loading").isDisplayed());
    assertFalse(browser.find("#doubled").isDisplayed());
    browser.waitText("#missing-error", "Sign in to use Todos.toggle");
    assertTrue(browser.find("#missing-error").isDisplayed());
    assertFalse(browser.find("#missing").isDisplayed());
    browser.waitText("#doubled", "42");
    assertTrue(browser.find("#doubled").isDisplayed());
    assertFalse(browser.find("#loading").isDisplayed());
    assertEquals(before + 1, fixture.apiRequests("/api/Counter/doubleServer"));
    List<String> logs = console();
    assertTrue(logs.stream().anyMatch(l -> l.contains("verve: resource missing")), logs.toString());
  }

  @Test
  void devModeWarnsAboutHydrationMismatches() {
    page("dev.html");
    browser.waitText("#count", "6");
    List<String> warnings = console().stream().filter(l -> l.contains("WARNING")).collect(Collectors.toList());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("verve: hydration mismatch"), warnings.toString());
    assertTrue(warnings.get(0).contains("p#count"), warnings.toString());
  }

  private static int apiRequests() {
    return fixture.apiRequests();
  }
}
