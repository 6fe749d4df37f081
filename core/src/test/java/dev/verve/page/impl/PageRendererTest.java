package dev.verve.page.impl;

import dev.verve.page.compiled.CompiledTemplate;
import dev.verve.page.compiled.Html;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageRendererTest {

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Stands for generated code: renders a fixed text, and claims to come from item.hbs as given. */
  record Fake(String source) implements CompiledTemplate {
    public String name() { return "item"; }
    public List<String> sources() { return List.of("item"); }
    public int sourceHash() { return CompiledTemplate.hash(List.of(source)); }
    public void render(Object model, Html out) { out.raw(Html.utf8("<body>compiled</body>")); }
  }

  static String page(PageRenderer renderer) throws Exception {
    Map<String, Object> model = new LinkedHashMap<>(Map.of("name", "x"));
    return renderer.render("item", model, model).await(10, TimeUnit.SECONDS).toString(StandardCharsets.UTF_8);
  }

  static String itemSource() throws Exception {
    try (var in = PageRendererTest.class.getClassLoader().getResourceAsStream("templates/item.hbs")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aCompiledTemplateRendersWithTheStateBeforeTheBodyEnds() throws Exception {
    PageRenderer renderer = new PageRenderer(vertx, new HandlebarsEngine(vertx, "templates", false), "templates",
      Map.of("item", new Fake(itemSource())));
    assertEquals("<body>compiled<script type=\"application/json\" id=\"verve-state\">{\"name\":\"x\"}</script>"
      + PageAssembly.RUNTIME + "</body>", page(renderer));
  }

  @Test
  void aTemplateEditedSinceItWasCompiledRendersWithTheRuntimeEngine() throws Exception {
    HandlebarsEngine engine = new HandlebarsEngine(vertx, "templates", false);
    PageRenderer renderer = new PageRenderer(vertx, engine, "templates", Map.of("item", new Fake("older text")));
    Map<String, Object> model = new LinkedHashMap<>(Map.of("name", "x"));
    String runtime = PageAssembly.insert(engine.renderString(model, "item").await(10, TimeUnit.SECONDS),
      StateWriter.write(model));
    assertEquals(runtime, page(renderer));
  }
}
