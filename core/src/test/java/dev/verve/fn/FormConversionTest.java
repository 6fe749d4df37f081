package dev.verve.fn;

import dev.verve.auth.Access;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Form fields to the arguments a JSON caller would send, for every argument type; then the same validation. */
class FormConversionTest {

  enum Size { S, M }

  static final MethodDescriptor ALL = ServiceDescriptor.builder(Runnable.class, "addr")
    .method("all", false, Access.anonymousAllowed(),
      ParamDescriptor.of("flag", ArgType.BOOLEAN),
      ParamDescriptor.of("b", ArgType.BYTE),
      ParamDescriptor.of("sh", ArgType.SHORT),
      ParamDescriptor.of("i", ArgType.INT),
      ParamDescriptor.of("l", ArgType.LONG),
      ParamDescriptor.of("f", ArgType.FLOAT),
      ParamDescriptor.of("d", ArgType.DOUBLE),
      ParamDescriptor.of("s", ArgType.STRING),
      ParamDescriptor.of("obj", ArgType.JSON_OBJECT),
      ParamDescriptor.of("arr", ArgType.JSON_ARRAY),
      ParamDescriptor.of("size", ArgType.enumOf(Size.class)),
      ParamDescriptor.of("ints", ArgType.listOf(ArgType.INT)),
      ParamDescriptor.of("tags", ArgType.setOf(ArgType.STRING)),
      ParamDescriptor.of("map", ArgType.mapOf(ArgType.INT)),
      ParamDescriptor.of("file", ArgType.FILE),
      ParamDescriptor.nullable("opt", ArgType.INT))
    .build().method("all");

  static Map<String, List<Object>> fields(Object... namesAndValues) {
    Map<String, List<Object>> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.computeIfAbsent((String) namesAndValues[i], k -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return fields;
  }

  static final JsonObject FILE = new UploadedFile("a.txt", "text/plain", Buffer.buffer("hi")).toJson();

  static Map<String, List<Object>> valid() {
    return fields("flag", "on", "b", "-3", "sh", "300", "i", "21", "l", "9007199254740993", "f", "1.5", "d", "-2e3",
      "s", " kept as typed ", "obj", "{\"a\": 1}", "arr", "[1, \"x\"]", "size", "M", "ints", "1", "ints", "", "ints", "3",
      "tags", "x", "tags", "y", "map", "{\"k\": 2}", "file", FILE, "opt", "");
  }

  @Test
  void everyTypeIsConvertedAsAJsonCallerWouldSendIt() {
    JsonObject args = ALL.fromForm(valid());
    assertEquals(new JsonObject().put("flag", true).put("b", -3L).put("sh", 300L).put("i", 21L).put("l", 9007199254740993L)
      .put("f", 1.5).put("d", -2000.0).put("s", " kept as typed ").put("obj", new JsonObject().put("a", 1))
      .put("arr", new JsonArray().add(1).add("x")).put("size", "M").put("ints", new JsonArray().add(1L).add(3L))
      .put("tags", new JsonArray().add("x").add("y")).put("map", new JsonObject().put("k", 2)).put("file", FILE), args); // the blank item of ints is skipped
    assertTrue(ALL.validate(args).isEmpty(), () -> ALL.validate(args).toString());
  }

  @Test
  void aCheckboxLeftUnticked() {
    Map<String, List<Object>> form = valid();
    form.remove("flag");
    assertEquals(false, ALL.fromForm(form).getBoolean("flag"));
    form.put("flag", List.of("false"));
    assertEquals(false, ALL.fromForm(form).getBoolean("flag"));
    form.put("flag", List.of("yes please"));
    assertEquals("'flag' must be a boolean", ALL.validate(ALL.fromForm(form)).get(0).toString());
  }

  @Test
  void textsThatDoNotConvertAreRefusedInTheJsonWords() {
    Map<String, List<Object>> form = valid();
    form.put("i", List.of("21abc"));
    form.put("b", List.of("300"));
    form.put("l", List.of("2.5"));
    form.put("f", List.of("NaN"));
    form.put("d", List.of("1d"));
    form.put("obj", List.of("{oops"));
    form.put("size", List.of("XL"));
    form.put("map", List.of("{\"k\": \"v\"}"));
    form.put("file", List.of("a text, not a file"));
    List<String> errors = ALL.validate(ALL.fromForm(form)).stream().map(Object::toString).toList();
    assertEquals(List.of("'b' must be a byte (-128..127)", "'i' must be an int", "'l' must be a long (a whole number)",
      "'f' must be a number", "'d' must be a number", "'obj' must be a JSON object", "'size' must be one of S, M",
      "'map' member 'k' must be an int", "'file' must be a file"), errors);
  }

  @Test
  void blankAndMissingFieldsAreAbsent() {
    Map<String, List<Object>> form = valid();
    form.put("i", List.of("  "));
    form.remove("s");
    List<String> errors = ALL.validate(ALL.fromForm(form)).stream().map(Object::toString).toList();
    assertEquals(List.of("'i' is required (an int)", "'s' is required (a string)"), errors);
    assertNull(ALL.fromForm(valid()).getValue("opt"));
  }

  @Test
  void aRepeatedSingleFieldTakesTheLastUnknownFieldsAreRefusedAndReturnToIsLeftOut() {
    Map<String, List<Object>> form = valid();
    form.put("i", List.of("1", "2"));
    form.put("returnTo", List.of("/back"));
    form.put("submit", List.of("Add"));
    JsonObject args = ALL.fromForm(form);
    assertEquals(2L, args.getLong("i"));
    assertNull(args.getValue("returnTo"));
    assertEquals(List.of("'submit' is not a parameter of all"), ALL.validate(args).stream().map(Object::toString).toList());
  }

  @Test
  void anUploadedFileRoundTripsThroughItsJsonAndRefusesBadBytes() {
    UploadedFile file = new UploadedFile(FILE);
    assertEquals("a.txt", file.name());
    assertEquals("text/plain", file.contentType());
    assertEquals("hi", file.text());
    // The URL alphabet without padding (what Vert.x's own JSON writes for byte[]) is read too.
    UploadedFile url = new UploadedFile(new JsonObject().put("bytes", "-_8"));
    assertEquals(Buffer.buffer(new byte[] {(byte) 0xfb, (byte) 0xff}), url.bytes());
    assertEquals("application/octet-stream", url.contentType());
    assertThrows(IllegalArgumentException.class, () -> new UploadedFile(new JsonObject().put("bytes", "%%%")));
    assertThrows(IllegalArgumentException.class, () -> new UploadedFile(new JsonObject()));
    assertThrows(IllegalArgumentException.class, () -> new UploadedFile(new JsonObject().put("bytes", "aGk=").put("name", 3)));
  }
}
