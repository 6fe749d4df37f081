package dev.verve.examples;

import dev.verve.client.VerveClient;
import dev.verve.test.BusSubscription;
import dev.verve.test.SignedIn;
import dev.verve.test.TestApp;
import dev.verve.test.TestUser;
import dev.verve.test.VerveTest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo through the test kit end to end: the Java client, a browser with JavaScript off, the bridge. */
@VerveTest(DemoVerticle.class)
class TestKitTest {

  @Test
  void anAnonymousClientDoublesOnTheServer(TestApp app, VerveClient anonymous) {
    assertEquals(42, app.await(anonymous.of(Counter.class).doubleServer(21)));
  }

  @Test
  void todosNeedASignedInCallerAndAreEachUsersOwn(TestApp app, VerveClient anonymous, TestUser ada, TestUser grace) {
    ServiceException refused = assertThrows(ServiceException.class, () -> app.await(anonymous.of(Todos.class).list()));
    assertEquals(401, refused.failureCode());
    Todos adas = ada.client().of(Todos.class);
    Todo added = app.await(adas.add("Try the test kit"));
    assertEquals("Try the test kit", added.getTitle());
    assertEquals(List.of(added.toJson()), app.await(adas.list()).stream().map(Todo::toJson).toList());
    assertEquals(List.of(), app.await(grace.client().of(Todos.class).list()));
  }

  @Test
  void aFormPostedWithJavaScriptOffAnswers303AndThePageShowsIt(TestApp app, @SignedIn WebClientSession browser) {
    HttpResponse<Buffer> posted = app.await(browser.post("/api/Todos/add").putHeader("Accept", "text/html")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("title", "Posted as a form").add("returnTo", "/todos")));
    assertEquals(303, posted.statusCode(), posted.bodyAsString());
    assertEquals("/todos", posted.getHeader("Location"));
    String page = app.await(browser.get("/todos").send()).bodyAsString();
    assertTrue(page.contains("Posted as a form"), page);
  }

  @Test
  void aBridgeSubscriptionSeesTheTotalAHighFivePublishes(TestApp app, VerveClient anonymous) {
    BusSubscription totals = app.subscribe(Counter.TOTAL_ADDRESS);
    Integer total = app.await(anonymous.of(Counter.class).highFive());
    assertEquals(total, totals.next());
    assertEquals(List.of(total), totals.received());
  }

  @Test
  void aUsersOwnAddressReachesTheirSessionOnly(TestApp app, TestUser ada, TestUser grace) {
    String address = "user." + subject(ada.token()) + ".notes";
    BusSubscription adas = app.subscribe(address, ada);
    app.vertx().eventBus().publish(address, new JsonObject().put("note", "for Ada"));
    assertEquals(new JsonObject().put("note", "for Ada"), adas.next());
    AssertionError refused = assertThrows(AssertionError.class, () -> app.subscribe(address, grace));
    assertTrue(refused.getMessage().startsWith("The bridge refused to deliver " + address), refused.getMessage());
  }

  // A token's user id: the "sub" of its JWT payload.
  private static String subject(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))).getString("sub");
  }
}
