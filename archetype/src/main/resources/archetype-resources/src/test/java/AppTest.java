package ${package};

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.core.MultiMap;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app on a real server: a free port on 127.0.0.1, the real event bus, HTTP from outside. */
@ExtendWith(VertxExtension.class)
class AppTest {

  private WebClient http;
  private WebClient browser;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext test) {
    App app = new App();
    // Port 0: any free port, so the test runs beside an app already on 8080.
    DeploymentOptions options = new DeploymentOptions().setConfig(new JsonObject().put("http.port", 0));
    vertx.deployVerticle(app, options).onComplete(test.succeeding(id -> {
      http = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(app.actualPort()));
      // A browser with JavaScript off: keeps cookies, shows us each 303 instead of following it.
      browser = WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(app.actualPort()).setFollowRedirects(false)));
      test.completeNow();
    }));
  }

  @Test
  void greetIsAFunctionOverHttp(VertxTestContext test) {
    Future<HttpResponse<Buffer>> answer = http.post("/api/Greeter/greet")
      .sendJsonObject(new JsonObject().put("name", "Ada"));
    answer.onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(200, response.statusCode());
      assertEquals("\"Hello, Ada!\"", response.bodyAsString());
      test.completeNow();
    })));
  }

  @Test
  void theHomePageIsSentWithTheGreetingAwaitedOnTheServer(VertxTestContext test) {
    http.get("/").send().onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(200, response.statusCode());
      assertTrue(response.getHeader("Content-Type").startsWith("text/html"), response.getHeader("Content-Type"));
      String page = response.bodyAsString();
      assertTrue(page.contains("<h1 id=\"greeting\" data-text=\"greeting\">Hello, world!</h1>"), page);
      assertTrue(page.contains("<form method=\"post\" action=\"/api/Greeter/greet\">"), page);
      test.completeNow();
    })));
  }

  @Test
  void aBlankNameIsABadRequestThatSaysWhy(VertxTestContext test) {
    http.post("/api/Greeter/greet").sendJsonObject(new JsonObject().put("name", " "))
      .onComplete(test.succeeding(response -> test.verify(() -> {
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.getHeader("Content-Type"));
        assertEquals("Tell me whom to greet", response.bodyAsJsonObject().getString("detail"));
        test.completeNow();
      })));
  }

  @Test
  void theFormWorksWithoutJavaScript(VertxTestContext test) {
    postForm("Ada").compose(answer -> {
      test.verify(() -> {
        assertEquals(303, answer.statusCode());
        assertEquals("/", answer.getHeader("Location"));
      });
      return browser.get("/").putHeader("Accept", "text/html").send();
    }).onComplete(test.succeeding(page -> test.verify(() -> {
      assertTrue(page.bodyAsString().contains(">Hello, Ada!</p>"), page.bodyAsString());
      test.completeNow();
    })));
  }

  @Test
  void aBlankNameInTheFormIsShownNextToTheField(VertxTestContext test) {
    postForm(" ").compose(answer -> {
      test.verify(() -> assertEquals(303, answer.statusCode()));
      return browser.get("/").putHeader("Accept", "text/html").send();
    }).onComplete(test.succeeding(page -> test.verify(() -> {
      assertTrue(page.bodyAsString().contains(">Tell me whom to greet</p>"), page.bodyAsString());
      test.completeNow();
    })));
  }

  private Future<HttpResponse<Buffer>> postForm(String name) {
    return browser.post("/api/Greeter/greet").putHeader("Accept", "text/html")
      .sendForm(MultiMap.caseInsensitiveMultiMap().add("name", name).add("returnTo", "/"));
  }
}
