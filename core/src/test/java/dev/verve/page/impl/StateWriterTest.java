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
}
