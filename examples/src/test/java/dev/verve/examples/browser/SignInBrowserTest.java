package dev.verve.examples.browser;

import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing up, in and out in a real browser, with and without JavaScript, and a forged cross-site form. */
class SignInBrowserTest extends BrowserTestBase {

  @Test
  void eachUserSeesOnlyTheirOwnTodos() {
    String ada = newUser("ada");
    signUp(browser, url(""), ada);
    browser.open(url("/todos")).waitHydrated();
    for (String title : List.of("Ada's first", "Ada's second")) {
      browser.find("form.add input").sendKeys(title);
      browser.find("form.add button").click();
      browser.waitFor(d -> browser.texts("li.todo .title").contains(title));
    }
    signOut(browser);
    browser.open(url("/todos"));
    assertTrue(browser.driver().getCurrentUrl().contains("/login?returnTo=%2Ftodos"), browser.driver().getCurrentUrl());

    signUp(browser, url(""), newUser("bob"));
    browser.open(url("/todos")).waitHydrated();
    assertEquals(List.of(), browser.texts("li.todo .title"));
    signOut(browser);

    signIn(browser, url(""), ada);
    browser.open(url("/todos")).waitHydrated();
    assertEquals(List.of("Ada's first", "Ada's second"), browser.texts("li.todo .title"));
    signOut(browser);
  }

  @Test
  void signingUpInAndOutWorksWithJavaScriptOff() {
    try (Browser noJs = Browser.startWithoutJavaScript()) {
      String ada = newUser("nojs-ada");
      signUp(noJs, url(""), ada);
      // A todo added from elsewhere (a token), shown by the server-rendered page.
      String token = server.token(ada, PASSWORD);
      assertEquals(200, server.postJson("/api/Todos/add", "{\"title\": \"Rendered on the server\"}", token).statusCode());
      noJs.open(url("/todos"));
      assertEquals(List.of("Rendered on the server"), noJs.texts("li.todo .title"));
      signOut(noJs);

      noJs.open(url("/login"));
      noJs.find("form.verve-auth input[name=username]").sendKeys(ada);
      noJs.find("form.verve-auth input[name=password]").sendKeys("not the password");
      noJs.find("form.verve-auth button[type=submit]").click();
      noJs.waitFor(d -> noJs.find("p.error").getText().equals("Wrong username or password."));

      signUp(noJs, url(""), newUser("nojs-bob"));
      noJs.open(url("/todos"));
      assertEquals(List.of(), noJs.texts("li.todo .title"));
    }
  }

  @Test
  void aPageOnAnotherOriginThatPostsAFormToAFunctionAddsNothing() throws Exception {
    String victim = newUser("victim");
    signUp(browser, url(""), victim);
    String target = url("/api/Todos/add");
    // The attacker's page: another origin (another port), a form that posts itself on load.
    HttpServer evil = await(server.vertx.createHttpServer().requestHandler(req -> req.response()
      .putHeader("Content-Type", "text/html")
      .end("<!doctype html><title>Win a prize</title><form id=f method=post action=\"" + target + "\">"
        + "<input name=title value=pwned></form><script>document.getElementById('f').submit()</script>"))
      .listen(0, "127.0.0.1"));
    try {
      browser.open("http://127.0.0.1:" + evil.actualPort() + "/");
      browser.waitFor(d -> d.getCurrentUrl().startsWith(target));
      String refusal = browser.find("body").getText();
      assertTrue(refusal.contains("403") || refusal.contains("not allowed"), refusal);
    } finally {
      await(evil.close());
    }
    String token = server.token(victim, PASSWORD);
    JsonArray todos = new JsonArray(server.postJson("/api/Todos/list", "{}", token).bodyAsString());
    assertEquals(new JsonArray(), todos, "nothing was added for the victim");
    browser.open(url("/"));
    signOut(browser);
  }
}
