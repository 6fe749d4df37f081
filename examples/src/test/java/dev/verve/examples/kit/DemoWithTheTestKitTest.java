package dev.verve.examples.kit;

import dev.verve.client.VerveClient;
import dev.verve.examples.Counter;
import dev.verve.examples.DemoVerticle;
import dev.verve.examples.Todo;
import dev.verve.examples.Todos;
import dev.verve.test.BusSubscription;
import dev.verve.test.SignedIn;
import dev.verve.test.TestApp;
import dev.verve.test.TestUser;
import dev.verve.test.VerveTest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test kit against the demo: each way in a user has, anonymous and signed in. */
// tag::kit[]
@VerveTest(DemoVerticle.class)
class DemoWithTheTestKitTest {

  @Test
  void anAnonymousClientCallsWhatAnyoneMay(TestApp app, VerveClient client) {
    assertEquals("Hello from the server!", app.await(client.of(Counter.class).getServerData()));
    ServiceException refused = assertThrows(ServiceException.class, () -> app.await(client.of(Todos.class).list()));
    assertEquals(401, refused.failureCode());
  }

  @Test
  void aSignedInClientHasTodosOfItsOwn(TestApp app, @SignedIn VerveClient ada, @SignedIn VerveClient grace) {
    Todo added = app.await(ada.of(Todos.class).add("Write the test kit"));
    List<Todo> adas = app.await(ada.of(Todos.class).list());
    assertEquals(1, adas.size());
    assertEquals(added.toJson(), adas.get(0).toJson());
    assertEquals(List.of(), app.await(grace.of(Todos.class).list()), "another user's todos are not hers");
  }
  // end::kit[]

  @Test
  void aBrowserWithJavaScriptOffPostsTheFormAndSeesTheResult(TestApp app, @SignedIn WebClientSession browser) {
    HttpResponse<Buffer> posted = app.await(browser.post("/api/Todos/add").putHeader("Accept", "text/html")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("title", "Posted without JavaScript").add("returnTo", "/todos")));
    assertEquals(303, posted.statusCode(), posted.bodyAsString());
    assertEquals("/todos", posted.getHeader("Location"));
    String page = app.await(browser.get("/todos").send()).bodyAsString();
    assertTrue(page.contains("Posted without JavaScript"), page);
  }

  @Test
  void anAnonymousBrowserIsSentToSignIn(TestApp app, WebClientSession browser) {
    HttpResponse<Buffer> todos = app.await(browser.get("/todos").send());
    assertEquals(303, todos.statusCode());
    assertEquals("/login?returnTo=%2Ftodos", todos.getHeader("Location"));
  }

  @Test
  void aSubscriptionSeesWhatIsPublished(TestApp app, TestUser user) {
    try (BusSubscription totals = app.subscribe(Counter.TOTAL_ADDRESS, user)) {
      Integer total = app.await(user.client().of(Counter.class).highFive());
      assertEquals(total, totals.next());
      assertEquals(List.of(total), totals.received());
    }
  }

  @Test
  void anAddressTheBridgeDoesNotDeliverFailsTheSubscription(TestApp app) {
    AssertionError refused = assertThrows(AssertionError.class, () -> app.subscribe("todos.changes.1"));
    assertTrue(refused.getMessage().contains("The bridge refused to deliver todos.changes.1"), refused.getMessage());
  }
}
