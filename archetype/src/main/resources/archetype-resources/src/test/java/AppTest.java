package ${package};

import dev.verve.client.VerveClient;
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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app on a real server (Verve's test kit): a free port on 127.0.0.1, a fresh database, HTTP from outside. */
@VerveTest(App.class)
class AppTest {

  @Test
  void anyoneMayGreet(TestApp app, VerveClient anonymous) {
    assertEquals("Hello, Ada!", app.await(anonymous.of(Greeter.class).greet("Ada")));
    ServiceException blank = assertThrows(ServiceException.class, () -> app.await(anonymous.of(Greeter.class).greet(" ")));
    assertEquals(400, blank.failureCode());
  }

  @Test
  void notesNeedASignedInUser(TestApp app, VerveClient anonymous) {
    ServiceException refused = assertThrows(ServiceException.class, () -> app.await(anonymous.of(Notes.class).list()));
    assertEquals(401, refused.failureCode());
  }

  @Test
  void eachUserSeesOnlyTheirOwnNotes(TestApp app, TestUser ada, TestUser grace) {
    Notes adas = ada.client().of(Notes.class);
    Note note = app.await(adas.add("Buy milk"));
    assertEquals("Buy milk", note.getText());
    List<Note> listed = app.await(adas.list());
    assertEquals(1, listed.size());
    assertEquals(note.toJson(), listed.get(0).toJson());
    assertEquals(List.of(), app.await(grace.client().of(Notes.class).list()));
  }

  @Test
  void theHomePageSaysHelloAndAsksToSignIn(TestApp app, WebClientSession browser) {
    HttpResponse<Buffer> page = app.await(browser.get("/").send());
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    assertTrue(html.contains("<h1 id=\"greeting\" data-text=\"greeting\">Hello, world!</h1>"), html);
    assertTrue(html.contains("to keep notes"), html);
  }

  @Test
  void signingUpWorksWithJavaScriptOff(TestApp app, WebClientSession browser) {
    assertTrue(app.await(browser.get("/signup").send()).bodyAsString().contains("autocomplete=\"new-password\""));
    HttpResponse<Buffer> signedUp = app.await(browser.post("/signup")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("username", "ada").add("password", "eight chars").add("returnTo", "/")));
    assertEquals(303, signedUp.statusCode(), signedUp.bodyAsString());
    assertTrue(app.await(browser.get("/").send()).bodyAsString().contains("Signed in as <strong>ada</strong>"));
  }

  @Test
  void addingANoteWorksWithJavaScriptOff(TestApp app, @SignedIn WebClientSession browser) {
    HttpResponse<Buffer> posted = app.await(browser.post("/api/Notes/add").putHeader("Accept", "text/html")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("text", "Call Ada").add("returnTo", "/")));
    assertEquals(303, posted.statusCode(), posted.bodyAsString());
    assertEquals("/", posted.getHeader("Location"));
    String page = app.await(browser.get("/").send()).bodyAsString();
    assertTrue(page.contains(">Call Ada</li>"), page);
    assertTrue(page.contains("<p id=\"result\" data-show=\"answered.Greeter.greet\" data-text=\"result\" hidden></p>"),
      "the note is the notes form's answer, not the greeting's: " + page);
  }

  @Test
  void aBlankNoteIsShownNextToItsField(TestApp app, @SignedIn WebClientSession browser) {
    app.await(browser.post("/api/Notes/add").putHeader("Accept", "text/html")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("text", " ").add("returnTo", "/")));
    String page = app.await(browser.get("/").send()).bodyAsString();
    assertTrue(page.contains(">A note has 1 to 500 characters</p>"), page);
  }

  @Test
  void theGreetingFormWorksWithJavaScriptOff(TestApp app, WebClientSession browser) {
    HttpResponse<Buffer> posted = app.await(browser.post("/api/Greeter/greet").putHeader("Accept", "text/html")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("name", "Ada").add("returnTo", "/")));
    assertEquals(303, posted.statusCode());
    assertTrue(app.await(browser.get("/").send()).bodyAsString().contains(">Hello, Ada!</p>"));
  }

  @Test
  void theFunctionsAreServedOverHttpToAnyLanguage(TestApp app, TestUser user) {
    HttpResponse<Buffer> added = app.await(user.browser().post("/api/Notes/add")
      .sendJsonObject(new JsonObject().put("text", "From curl")));
    assertEquals(200, added.statusCode());
    assertEquals("From curl", added.bodyAsJsonObject().getString("text"));
  }
}
