package dev.verve.examples;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages as a browser without JavaScript (or a crawler) gets them: complete HTML, honest statuses. */
@ExtendWith(NoBlockedThreads.class)
class PagesTest {

  static final String HOSTILE = "</script><script>window.__pwned=1</script><!--";
  static final Pattern STATE = Pattern.compile("<script type=\"application/json\" id=\"verve-state\">(.*?)</script>");

  static TestServer server;

  @BeforeAll
  static void start() {
    // /probe/slow leaves a call that never ends: closing waits for it up to api.timeout.
    server = TestServer.start(ProbeVerticle::new, new JsonObject().put("api.timeout", 2000));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<Buffer> get(String path) {
    return await(server.http.get(path).send());
  }

  static String html(String path) {
    HttpResponse<Buffer> response = get(path);
    assertEquals(200, response.statusCode(), path);
    assertEquals("text/html; charset=utf-8", response.getHeader("Content-Type"));
    return response.bodyAsString();
  }

  static JsonObject state(String html) {
    Matcher m = STATE.matcher(html);
    assertTrue(m.find(), "no state block");
    String json = m.group(1);
    assertFalse(json.contains("<"), json);
    assertFalse(m.find(), "two state blocks");
    return new JsonObject(json);
  }

  @Test
  void theCounterPageRendersItsInitialCountAndLoadsTheRuntime() {
    String html = html("/");
    assertTrue(html.contains("<h1>High-Five counter: <span data-text=\"count\">0</span></h1>"), html);
    assertEquals(0, state(html).getInteger("count"));
    assertTrue(html.contains("<script type=\"module\" src=\"/verve/verve.js\"></script>"));
    assertTrue(html.indexOf("id=\"verve-state\"") < html.indexOf("</body>"));
  }

  @Test
  void serverDataIsInTheFirstHtmlAndInTheState() {
    String html = html("/server-data");
    assertTrue(html.contains("server data is <span data-text=\"data\">Hello from the server!</span>"), html);
    assertEquals("Hello from the server!", state(html).getString("data"));
  }

  @Test
  void clientDataIsLeftToTheBrowser() {
    String html = html("/client-data");
    assertFalse(html.contains("Hello from the server!"));
    JsonObject resource = state(html).getJsonObject("$resources").getJsonObject("data");
    assertEquals(new JsonObject().put("service", "Counter").put("method", "getServerData").put("args", new JsonObject()), resource);
  }

  @Test
  void aHostileTodoIsTextInTheHtmlAndIntactInTheState() {
    WebClientSession browser = server.browser();
    server.signUp(browser, "mallory", "correct horse battery");
    await(browser.post("/api/Todos/add").putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer(new JsonObject().put("title", HOSTILE).encode())));
    String html = await(browser.get("/todos").send()).bodyAsString();
    assertFalse(html.contains("<script>window.__pwned"), html);
    assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;&lt;!--")
      || html.contains("&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;!--"), html);
    assertEquals(HOSTILE, state(html).getJsonArray("todos").getJsonObject(0).getString("title"));
  }

  @Test
  void pageDataCanComeFromTheRequest() {
    String html = html("/probe/echo?text=%3Cb%3E%26");
    assertTrue(html.contains("<span data-text=\"data\">&lt;b&gt;&amp;</span>"), html);
    assertEquals("<b>&", state(html).getString("data"));
  }

  @Test
  void aFutureFailingWith404GivesAWhole404Page() {
    HttpResponse<Buffer> response = get("/probe/missing");
    assertEquals(404, response.statusCode());
    assertTrue(response.bodyAsString().contains("No such thing"));
    assertTrue(response.bodyAsString().endsWith("</html>\n"));
  }

  @Test
  void anyOtherFailureGivesA500PageWithoutTheSecret() {
    HttpResponse<Buffer> response = get("/probe/crash");
    assertEquals(500, response.statusCode());
    assertEquals("text/html; charset=utf-8", response.getHeader("Content-Type"));
    assertFalse(response.bodyAsString().contains("hunter2"));
    assertFalse(response.bodyAsString().contains("Exception"));
  }

  @Test
  void aPageThatTakesTooLongIs504() {
    assertEquals(504, get("/probe/slow").statusCode());
  }

  @Test
  void anUnknownRouteIsARealHtml404Page() {
    HttpResponse<Buffer> response = get("/no/such/page");
    assertEquals(404, response.statusCode());
    assertTrue(response.bodyAsString().contains("<h1>404 Not Found</h1>"));
  }

  @Test
  void pageModulesAndStylesAreServedFromTheClassPath() {
    HttpResponse<Buffer> js = get("/assets/counter.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.getHeader("Content-Type").startsWith("text/javascript")
      || js.getHeader("Content-Type").startsWith("application/javascript"), js.getHeader("Content-Type"));
    assertEquals(200, get("/assets/app.css").statusCode());
  }

  @Test
  void theRuntimeIsCompressedForClientsThatAcceptGzip() {
    HttpResponse<Buffer> response = await(server.http.get("/verve/verve.js").putHeader("Accept-Encoding", "gzip").send());
    assertEquals(200, response.statusCode());
    assertEquals("gzip", response.getHeader("Content-Encoding"));
  }
}
