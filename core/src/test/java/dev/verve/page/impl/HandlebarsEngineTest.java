package dev.verve.page.impl;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HandlebarsEngineTest {

  static Vertx vertx;
  static HandlebarsEngine engine;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    engine = new HandlebarsEngine(vertx, "templates", false);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static String render(Object model, String template) throws Exception {
    return engine.renderString(model, template).await(10, TimeUnit.SECONDS);
  }

  static final Map<String, Object> ROWS = Map.of("rows", List.of(Map.of("name", "x"), Map.of("name", "y")));

  @Test
  void partialsInLoopsResolveFromTheTemplateRootWhicheverTemplateWasCompiledLast() throws Exception {
    // vertx-web-templ-handlebars resolves {{> item}} against the folder of the last compiled template.
    for (int round = 0; round < 3; round++) {
      assertEquals("[root-item:x][root-item:y]", render(ROWS, "a/list"));
      assertEquals("[b-item:x][b-item:y]", render(ROWS, "b/list"));
      assertEquals("[a-item:x][a-item:y]", render(ROWS, "shared/list"));
    }
  }

  @Test
  void layoutsWrapThePageThroughPartialBlocks() throws Exception {
    assertEquals("<html><head><title>Hi &amp; bye</title></head><body><p>&lt;b&gt;</p></body></html>",
      render(Map.of("title", "Hi & bye", "message", "<b>"), "page"));
  }

  @Test
  void vertxJsonValuesAreReadableFromTemplates() throws Exception {
    JsonObject model = new JsonObject()
      .put("todos", new JsonArray().add(new JsonObject().put("title", "a").put("done", true))
        .add(new JsonObject().put("title", "b").put("done", false)))
      .put("user", new JsonObject().put("name", "Ann"));
    assertEquals("<li>a (done)</li><li>b</li>|2|Ann", render(model.getMap(), "json"));
  }

  @Test
  void aMissingTemplateFailsTheRenderAndIsRetriedLater() {
    assertThrows(Exception.class, () -> render(Map.of(), "nope"));
    assertThrows(Exception.class, () -> render(Map.of(), "nope"));
  }

  @Test
  void theOnePassEscaperWritesWhatHandlebarsDefaultWrites() {
    com.github.jknack.handlebars.EscapingStrategy reference = com.github.jknack.handlebars.EscapingStrategy.HTML_ENTITY;
    for (String text : new String[]{"", "plain", "<script>alert(\"xss\")</script>", "a & b = 'c' `d`",
      "\u2014 日本 <>", "&amp;already"}) {
      assertEquals(reference.escape(text).toString(), new HtmlEscaping().escape(text).toString(), text);
    }
  }

  @Test
  void rendersAfterTheFirstAreSynchronous() throws Exception {
    render(ROWS, "b/list");
    assertEquals(true, engine.renderString(ROWS, "b/list").isComplete());
  }
}
