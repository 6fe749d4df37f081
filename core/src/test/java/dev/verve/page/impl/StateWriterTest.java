package dev.verve.page.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateWriterTest {

  static final String HOSTILE = "</script><script>window.__pwned=1</script><!-- & \u2028\u2029 \u2014 日本";

  record Row(int id, String message) { }

  @Test
  void nothingThatCouldCloseTheScriptElementSurvives() {
    String json = StateWriter.write(Map.of("title", HOSTILE));
    assertFalse(json.contains("<"), json);
    assertFalse(json.contains(">"), json);
    assertFalse(json.contains("&"), json);
    assertFalse(json.contains("\u2028"), json);
    assertFalse(json.contains("\u2029"), json);
    assertTrue(json.contains("\\u003C/script\\u003E") || json.contains("\\u003c/script\\u003e"), json);
    assertTrue(json.contains("\\u2028") && json.contains("\\u2029"), json);
    // Other non-ASCII text stays as it is (UTF-8), only the line separators are escaped.
    assertTrue(json.contains("\u2014 日本"), json);
  }

  @Test
  void theEscapedJsonParsesBackToTheSameData() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("title", HOSTILE);
    state.put("list", new JsonArray().add(new JsonObject().put("m", HOSTILE)));
    JsonObject parsed = new JsonObject(StateWriter.write(state));
    assertEquals(HOSTILE, parsed.getString("title"));
    assertEquals(HOSTILE, parsed.getJsonArray("list").getJsonObject(0).getString("m"));
  }

  @Test
  void recordsDataObjectsAndCollectionsBecomeJson() {
    Object rows = DataObjects.toJsonValue(List.of(new Row(1, "a<b")));
    assertEquals(new JsonArray().add(new JsonObject().put("id", 1).put("message", "a<b")), rows);
    JsonObject todo = new JsonObject().put("id", 2);
    Object dataObject = DataObjects.toJsonValue(new Object() {
      public JsonObject toJson() {
        return todo;
      }
    });
    assertEquals(todo, dataObject);
    assertEquals("{\"n\":null,\"e\":\"SECONDS\"}",
      StateWriter.write(new LinkedHashMap<>(Map.of("n", "x")) {{ put("n", null); put("e", DataObjects.toJsonValue(java.util.concurrent.TimeUnit.SECONDS)); }}));
  }

  @Test
  void theOnePassWriterGivesJacksonsBytesForEveryKindOfValue() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x80; c++) controls.append(c);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("hostile", HOSTILE);
    state.put("controls", controls.toString());
    state.put("surrogates", "\ud83d\ude00 pair, lone high \ud83d, lone low \ude00, high at end \ud83d");
    state.put("numbers", new JsonArray().add(0).add(-7).add(Long.MAX_VALUE).add(Long.MIN_VALUE).add((short) 3)
      .add(4.5).add(1e300).add(new java.math.BigDecimal("1.10")).add(Float.NaN));
    state.put("flags", List.of(true, false));
    state.put("nothing", null);
    state.put("nested", new JsonObject().put("a", new JsonObject().put("b<", new JsonArray().add(Map.of("k&", "v>")))));
    state.put("record", new Row(1, "a<b"));
    state.put("enum", java.util.concurrent.TimeUnit.SECONDS);
    state.put("notStringKeys", Map.of(1, "one"));
    state.put("empty", new JsonObject().put("m", Map.of()).put("l", List.of()));
    Object deep = "bottom";
    for (int i = 0; i < 150; i++) deep = List.of(deep);
    state.put("deep", deep);
    dev.verve.page.compiled.Html html = new dev.verve.page.compiled.Html(1);
    StateWriter.write(state, html);
    assertEquals(new String(StateWriter.write(state).getBytes(java.nio.charset.StandardCharsets.UTF_8),
      java.nio.charset.StandardCharsets.UTF_8), html.toString());
  }
}
