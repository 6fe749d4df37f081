package dev.verve.examples.accounts;

import dev.verve.auth.AuthOptions;
import dev.verve.auth.Caller;
import dev.verve.auth.Users;
import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import dev.verve.examples.DemoVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import dev.verve.http.ErrorPages;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo signs in with Verve's accounts and pages: it has no accounts code and no sign-in template. */
@ExtendWith(NoBlockedThreads.class)
class BuiltInAccountsTest {

  static final String PASSWORD = "eight chars+";
  static final AtomicInteger NAMES = new AtomicInteger();
  static final String DB = "jdbc:h2:mem:built-in-accounts";
  static final String ADMIN_PASSWORD = "the admin's passphrase";

  static TestServer server;
  static Users users;

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject().put("db.url", DB).put("auth.adminPassword", ADMIN_PASSWORD));
    // The same database and the same Vert.x as the server: an admin's code would hold auth.users().
    Database db = await(Database.open(server.vertx, DatabaseOptions.fromConfig(new JsonObject().put("db.url", DB))));
    users = Users.inDatabase(server.vertx, db, new AuthOptions().setPasswordIterations(1000));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String name() {
    return "Reader" + NAMES.incrementAndGet();
  }

  static HttpResponse<Buffer> form(WebClientSession browser, String path, MultiMap fields) {
    return await(browser.post(path).sendForm(fields));
  }

  @Test
  void theSignInPageIsVervesInTheAppsLayoutAndWorksWithoutJavaScript() {
    HttpResponse<Buffer> page = await(server.http.get("/login?returnTo=/todos").send());
    assertEquals(200, page.statusCode());
    String html = page.bodyAsString();
    // The demo's own layout (its brand and navigation) around Verve's form.
    assertTrue(html.contains("<a class=\"brand\" href=\"/\">Verve</a>") && html.contains("<title>Sign in · Verve</title>"), html);
    assertTrue(html.contains("<label for=\"verve-username\">Username</label>"), html);
    assertTrue(html.contains("autocomplete=\"username\"") && html.contains("autocomplete=\"current-password\""), html);
    assertTrue(html.contains("<input type=\"hidden\" name=\"returnTo\" value=\"/todos\">"), html);
    assertTrue(html.contains("<a href=\"/signup?returnTo&#x3D;%2Ftodos\">Sign up</a>")
      || html.contains("<a href=\"/signup?returnTo=%2Ftodos\">Sign up</a>"), html);

    String user = name();
    WebClientSession browser = server.browser();
    HttpResponse<Buffer> signUp = form(browser, "/signup", MultiMap.caseInsensitiveMultiMap()
      .add("username", user).add("password", PASSWORD).add("returnTo", "/todos"));
    assertEquals(303, signUp.statusCode(), signUp.bodyAsString());
    assertEquals("/todos", signUp.getHeader("Location"));
    HttpResponse<Buffer> todos = await(browser.get("/todos").send());
    assertEquals(200, todos.statusCode());
    assertTrue(todos.bodyAsString().contains("Signed in as <strong>" + user + "</strong>"), todos.bodyAsString());

    await(browser.post("/logout").send());
    HttpResponse<Buffer> wrong = form(server.browser(), "/login", MultiMap.caseInsensitiveMultiMap()
      .add("username", user).add("password", "not the password").add("returnTo", "/todos"));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.bodyAsString().contains("Wrong username or password."), wrong.bodyAsString());
    assertTrue(wrong.bodyAsString().contains("value=\"" + user + "\""), "the name typed is kept");
    HttpResponse<Buffer> right = form(browser, "/login", MultiMap.caseInsensitiveMultiMap()
      .add("username", user.toLowerCase()).add("password", PASSWORD).add("returnTo", "/todos"));
    assertEquals(303, right.statusCode(), "a name signs in whatever its case");
  }

  @Test
  void signUpErrorsStandNextToTheirFields() {
    HttpResponse<Buffer> page = await(server.http.get("/signup").send());
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("autocomplete=\"new-password\"") && page.bodyAsString().contains("minlength=\"8\""),
      page.bodyAsString());

    HttpResponse<Buffer> bad = form(server.browser(), "/signup", MultiMap.caseInsensitiveMultiMap()
      .add("username", "x").add("password", "seven77"));
    assertEquals(400, bad.statusCode());
    String html = bad.bodyAsString();
    assertTrue(html.contains("<p class=\"error\" id=\"verve-username-error\">A username has 3 to 32 letters"), html);
    assertTrue(html.contains("<p class=\"error\" id=\"verve-password-error\">A password has 8 to 128 characters.</p>"), html);
    assertTrue(html.contains("aria-invalid=\"true\""), html);

    String user = name();
    assertEquals(303, form(server.browser(), "/signup", MultiMap.caseInsensitiveMultiMap()
      .add("username", user).add("password", PASSWORD)).statusCode());
    HttpResponse<Buffer> taken = form(server.browser(), "/signup", MultiMap.caseInsensitiveMultiMap()
      .add("username", user.toUpperCase()).add("password", PASSWORD));
    assertEquals(409, taken.statusCode());
    assertTrue(taken.bodyAsString().contains("id=\"verve-username-error\">The username " + user.toUpperCase() + " is taken."),
      taken.bodyAsString());
    // No composition rules: eight spaces and emoji are a password (NIST SP 800-63B counts characters).
    assertEquals(303, form(server.browser(), "/signup", MultiMap.caseInsensitiveMultiMap()
      .add("username", name()).add("password", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00 x y z")).statusCode());
  }

  @Test
  void disablingAUserSignsThemOutEverywhereAtOnce() {
    String user = name();
    WebClientSession browser = server.browser();
    server.signUp(browser, user, PASSWORD);
    String token = server.token(user, PASSWORD);
    assertEquals(200, server.postJson("/api/Todos/list", "{}", token).statusCode());
    assertEquals(200, await(browser.post("/api/Todos/list").send()).statusCode());

    assertTrue(await(users.disable(user)));
    assertEquals(401, server.postJson("/api/Todos/list", "{}", token).statusCode(), "the token is refused");
    assertEquals(401, await(browser.post("/api/Todos/list").send()).statusCode(), "the session is signed out");
    HttpResponse<Buffer> signIn = server.signIn(server.browser(), user, PASSWORD);
    assertEquals(401, signIn.statusCode(), "a disabled user cannot sign in, told as a wrong password");
    assertEquals(Boolean.TRUE, await(users.isDisabled(user)));

    assertTrue(await(users.enable(user)));
    assertEquals(200, server.postJson("/api/Todos/list", "{}", server.token(user, PASSWORD)).statusCode());
    assertFalse(await(users.disable("nobody-" + user)), "no such user");
  }

  @Test
  void theDemosAdminDisablesAUserOverHttp() {
    String user = name();
    String token = server.signUp(user, PASSWORD);
    String admin = server.token("admin", ADMIN_PASSWORD);
    assertEquals(403, server.postJson("/api/Admin/disable", "{\"username\":\"admin\"}", token).statusCode());
    HttpResponse<Buffer> disabled = server.postJson("/api/Admin/disable", new JsonObject().put("username", user).encode(), admin);
    assertEquals("true", disabled.bodyAsString());
    assertEquals(401, server.postJson("/api/Todos/list", "{}", token).statusCode());
    assertEquals("false", server.postJson("/api/Admin/disable", "{\"username\":\"nobody-at-all\"}", admin).bodyAsString());
  }

  @Test
  void aNewPasswordRefusesTheOldOneAndEveryEarlierToken() {
    String user = name();
    String token = server.signUp(user, PASSWORD);
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
      () -> await(users.changePassword(user, "short")));
    assertEquals("A password has 8 to 128 characters.", tooShort.getMessage());

    assertTrue(await(users.changePassword(user, "a brand new passphrase")));
    assertEquals(401, server.postJson("/api/Todos/list", "{}", token).statusCode());
    assertEquals(401, server.signIn(server.browser(), user, PASSWORD).statusCode());
    assertEquals(200, server.postJson("/api/Todos/list", "{}", server.token(user, "a brand new passphrase")).statusCode());
  }

  @Test
  void rolesSetByAdminCodeApplyAtTheNextSignIn() {
    String user = name();
    String before = server.signUp(user, PASSWORD);
    assertEquals(403, server.postJson("/api/Admin/stats", "{}", before).statusCode());
    assertTrue(await(users.setRoles(user, List.of("admin"))));
    assertEquals(401, server.postJson("/api/Admin/stats", "{}", before).statusCode(), "the token of the old roles is refused");
    String after = server.token(user, PASSWORD);
    assertEquals(200, server.postJson("/api/Admin/stats", "{}", after).statusCode());
    Caller found = await(users.find(user.toUpperCase()));
    assertEquals(user, found.name());
    assertTrue(found.hasRole("admin"));
    assertThrows(IllegalArgumentException.class, () -> await(users.setRoles(user, List.of("a,b"))));
    assertNull(await(users.find("nobody-" + user)));
  }

  @Test
  void anAppWithoutTemplatesGetsVervesPlainPages() {
    try (TestServer bare = TestServer.start(BareVerticle::new, new JsonObject().put("templates.root", "no-templates-here"))) {
      HttpResponse<Buffer> page = await(bare.http.get("/login").send());
      assertEquals(200, page.statusCode());
      String html = page.bodyAsString();
      assertTrue(html.startsWith("<!doctype html>") && html.contains("<title>Sign in</title>"), html);
      // Verve's one inline style: the one the Content-Security-Policy allows by its hash.
      assertTrue(html.contains("<style>" + ErrorPages.STYLE + "</style>"), html);
      assertTrue(page.getHeader("Content-Security-Policy").contains(ErrorPages.STYLE_SOURCE));
      assertEquals(303, form(bare.browser(), "/signup", MultiMap.caseInsensitiveMultiMap()
        .add("username", name()).add("password", PASSWORD)).statusCode());
    }
  }

  @Test
  void aPageWhoseTemplateIsMissingStopsTheStartNamingIt() {
    Throwable failure = assertThrows(Throwable.class, () -> TestServer.start(BareVerticle::new, new JsonObject()
      .put("templates.root", "no-templates-here").put("bare.page", "home")).close());
    assertTrue(String.valueOf(failure.getMessage()).contains(
      "The page / renders the template no-templates-here/home.hbs, which is not on the class path"), failure.toString());
  }

  @Test
  void theBuiltInLayoutCarriesTheStyleThePolicyAllows() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/verve/templates/layout.hbs")) {
      assertNotNull(in);
      assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("<style>" + ErrorPages.STYLE + "</style>"));
    }
  }
}
