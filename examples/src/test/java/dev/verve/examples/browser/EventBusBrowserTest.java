package dev.verve.examples.browser;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.verve.examples.browser.BindingsBrowserTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verve.js's event-bus client against vertx-web's SockJS bridge: the instrumented test bridge of
 * {@link FixtureVerticle} (fixtures/bus.html), and once the product bridge at /eventbus.
 */
class EventBusBrowserTest extends BrowserTestBase {

  static final String BUS = "const { bus } = await import('/verve/verve.js');";
  static final String NEWS = "test.out.news";

  @Test
  void aStateSubscriptionSetsTheStoreFromEveryMessage() {
    int before = fixture.registrations(NEWS);
    page("bus.html");
    browser.waitFor(d -> fixture.registrations(NEWS) > before);
    publish(NEWS, new JsonObject().put("n", 1));
    browser.waitText("#news", "1");
    publish(NEWS, new JsonObject().put("n", 2));
    browser.waitText("#news", "2");
  }

  @Test
  void subscribeThenUnsubscribe() {
    String address = "test.out.manual";
    int registered = fixture.registrations(address), unregistered = fixture.unregistrations(address);
    page("bus.html");
    browser.js("window.got = []; import('/verve/verve.js').then(({ bus }) => {"
      + " window.off = bus.subscribe('" + address + "', body => window.got.push(body)); })");
    browser.waitFor(d -> fixture.registrations(address) > registered);
    publish(address, "hello");
    browser.waitFor(d -> List.of("hello").equals(browser.js("return window.got")));
    browser.js("window.off()");
    browser.waitFor(d -> fixture.unregistrations(address) > unregistered);
  }

  @Test
  void publishReachesServerConsumers() throws InterruptedException {
    fixture.published.clear();
    page("bus.html");
    browser.jsAsync(BUS + "bus.publish('test.in', { hello: 'world' }); return true");
    assertEquals(new JsonObject().put("hello", "world"), fixture.published.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void sendResolvesToTheReply() {
    page("bus.html");
    Map<String, Object> reply = map(browser.jsAsync(BUS + "return bus.send('test.echo', { x: 1 })"));
    assertEquals(Map.of("x", 1L), reply.get("echo"));
  }

  @Test
  void aFailedReplyRejectsWithItsCode() {
    page("bus.html");
    Map<String, Object> error = map(browser.jsAsync(BUS + "return bus.send('test.fail', 1)"));
    assertEquals("no can do", error.get("error"));
    assertEquals(42L, error.get("failureCode"));
    assertEquals("RECIPIENT_FAILURE", error.get("failureType"));
  }

  @Test
  void aRefusedSendRejectsPromptlyInsteadOfHanging() {
    page("bus.html");
    long start = System.nanoTime();
    Map<String, Object> error = map(browser.jsAsync(BUS + "return bus.send('test.secret', 1)"));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(String.valueOf(error.get("error")).contains("access_denied"), error.toString());
    assertEquals("access_denied", error.get("failureType"));
    assertTrue(ms < 5000, "took " + ms + " ms");
    // The socket is still usable afterwards.
    assertEquals(Map.of("echo", "again"), map(browser.jsAsync(BUS + "return bus.send('test.echo', 'again')")));
    List<String> logs = console();
    assertTrue(logs.stream().anyMatch(l -> l.contains("access_denied")), logs.toString());
  }

  @Test
  void aSendWithoutReplyTimesOut() {
    page("bus.html");
    Map<String, Object> error = map(browser.jsAsync(BUS + "return bus.send('test.in', 'no reply', 300)"));
    assertTrue(String.valueOf(error.get("error")).contains("no reply from test.in"), error.toString());
  }

  @Test
  void afterTheServerDropsTheSocketItReconnectsAndRegistersAgain() {
    int before = fixture.registrations(NEWS);
    page("bus.html");
    browser.waitFor(d -> fixture.registrations(NEWS) > before);
    fixture.dropSockets();
    browser.waitFor(d -> fixture.registrations(NEWS) > before + 1);
    publish(NEWS, new JsonObject().put("n", 3));
    browser.waitText("#news", "3");
  }

  @Test
  void itPingsEveryFiveSecondsSoTheBridgeKeepsTheSocket() {
    int before = fixture.registrations(NEWS);
    page("bus.html");
    browser.waitFor(d -> fixture.registrations(NEWS) > before);
    int pings = fixture.pings.get();
    browser.waitFor(Duration.ofSeconds(8), d -> fixture.pings.get() > pings);
  }

  @Test
  void theDefaultUrlIsTheProductBridgeOnTheSameOrigin() {
    page("bus-default.html");
    // No hook on the product bridge tells when the registration is done: publish until it arrives.
    browser.waitFor(d -> {
      publish(FixtureVerticle.DEFAULT_BUS_ADDRESS, new JsonObject().put("n", 7));
      return "7".equals(browser.texts("#news").get(0));
    });
  }

  private static void publish(String address, Object body) {
    server.vertx.eventBus().publish(address, body);
  }
}
