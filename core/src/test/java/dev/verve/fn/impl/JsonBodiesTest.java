package dev.verve.fn.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming codec reads and writes what {@link Json}'s own calls do. */
class JsonBodiesTest {

  @Test
  void aBodyDecodesToTheValueJsonDecodeValueGives() {
    List<String> bodies = List.of("{\"number\": 21}", "{}", " \n{\"a\":{\"b\":[1,2.5,\"x\",null,true]}}",
      "[1,2]", "\"text\"", "12345678901234567890123", "1e400", "-0.0", "null", "false",
      "/* a comment */ {\"a\": 1}", "{\"é\": \"\\u00e9 ✓ 😀\"}", "\uFEFF{\"bom\": 1}");
    for (String body : bodies) {
      // A slice, as a body in one chunk is: the bytes start past the buffer's own start.
      Buffer framed = Buffer.buffer("xx" + body + "yy");
      Buffer slice = framed.slice(2, framed.length() - 2);
      Object expected = Json.decodeValue(Buffer.buffer(body));
      Object decoded = JsonBodies.decode(slice);
      assertEquals(expected, decoded, body);
      assertEquals(Json.encode(expected), Json.encode(decoded), body);
    }
  }

  @Test
  void whatJsonDecodeValueRefusesIsRefused() {
    for (String body : List.of("{", "{\"a\":1} 2", "{\"a\":}", "nul", "{'a': 1}", "[1,]")) {
      assertThrows(DecodeException.class, () -> Json.decodeValue(Buffer.buffer(body)), body);
      assertThrows(DecodeException.class, () -> JsonBodies.decode(Buffer.buffer(body)), body);
    }
  }

  @Test
  void aReplyEncodesToTheBytesJsonEncodeToBufferGives() {
    List<Object> replies = List.of(
      new JsonObject().put("result", 42),
      new JsonObject().put("s", "é \" \\ \n \u0001 😀").put("d", 2.5).put("big", new BigDecimal("1.10"))
        .put("bi", new BigInteger("123456789012345678901234567890")).put("l", Long.MIN_VALUE).put("n", (Object) null)
        .put("at", Instant.parse("2026-12-05T10:15:30.123Z")).put("bytes", new byte[]{1, 2, 3})
        .put("buffer", Buffer.buffer("hi")).put("nested", new JsonObject().put("list", new JsonArray().add(1).add("x")))
        .put("map", Map.of("k", List.of(1, 2))).put("f", 1.5f).put("b", true),
      new JsonArray().add(new JsonObject().put("a", 1)).add(List.of()).add(new JsonObject()),
      new JsonObject().put("pojo", new Pojo("x", 1)),
      "text", 42, true);
    for (Object reply : replies) {
      assertEquals(Json.encodeToBuffer(reply), JsonBodies.encode(reply), String.valueOf(reply));
    }
  }

  /** A value only databind can write: the encoder falls back to it. */
  public record Pojo(String name, int count) { }
}
