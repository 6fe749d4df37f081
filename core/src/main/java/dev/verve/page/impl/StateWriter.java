package dev.verve.page.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.verve.page.compiled.Html;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes page state as JSON that is safe inside {@code <script type="application/json">}: {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 come out as {@code \}{@code uXXXX}, so no value can close the
 * element or start a comment, and {@code JSON.parse} still gives back the same data. One pass through
 * Jackson with {@link CharacterEscapes}; records and POJOs map like Jackson maps them, Vert.x
 * {@code JsonObject}/{@code JsonArray} as JSON, data objects through their {@code toJson()}.
 */
public final class StateWriter {

  // Deeper than this, Jackson writes the rest (and refuses what nests too deep).
  private static final int MAX_DEPTH = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper()
    .registerModule(new VertxModule())
    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  static {
    MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
  }

  private StateWriter() {
  }

  /** The state object's JSON, HTML-safe. */
  public static String write(Map<String, Object> state) {
    try {
      return MAPPER.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Page state cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The same JSON as {@link #write(Map)}, straight into {@code out}. */
  public static void write(Map<String, Object> state, Writer out) {
    try {
      MAPPER.writeValue(out, state);
    } catch (IOException e) {
      throw new IllegalArgumentException("Page state cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The same bytes as {@link #write(Map)}, straight into the page: what JSON already is (maps and lists with
   * their Vert.x forms, strings, whole numbers, booleans, null) is written here in one pass, anything else
   * (records, POJOs, decimals...) by Jackson, value by value. A page's state is mostly the former, and
   * Jackson's per-call set-up cost more than the writing itself.
   */
  public static void write(Map<String, Object> state, Html out) {
    value(state, out, 0);
  }

  private static void value(Object value, Html out, int depth) {
    if (value == null) {
      out.literal("null");
    } else if (value instanceof String) {
      out.scriptJsonString((String) value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      out.number(((Number) value).longValue());
    } else if (value instanceof Boolean) {
      out.literal((Boolean) value ? "true" : "false");
    } else if (depth < MAX_DEPTH && value instanceof JsonObject) {
      map(((JsonObject) value).getMap(), out, depth);
    } else if (depth < MAX_DEPTH && value instanceof JsonArray) {
      list(((JsonArray) value).getList(), out, depth);
    } else if (depth < MAX_DEPTH && value instanceof Map && stringKeys((Map<?, ?>) value)) {
      map((Map<?, ?>) value, out, depth);
    } else if (depth < MAX_DEPTH && value instanceof List) {
      list((List<?>) value, out, depth);
    } else {
      jackson(value, out);
    }
  }

  private static void map(Map<?, ?> map, Html out, int depth) {
    out.write('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) out.write(',');
      first = false;
      out.scriptJsonString((String) entry.getKey());
      out.write(':');
      value(entry.getValue(), out, depth + 1);
    }
    out.write('}');
  }

  private static void list(List<?> list, Html out, int depth) {
    out.write('[');
    for (int i = 0, n = list.size(); i < n; i++) {
      if (i > 0) out.write(',');
      value(list.get(i), out, depth + 1);
    }
    out.write(']');
  }

  private static boolean stringKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) return false;
    }
    return true;
  }

  private static void jackson(Object value, Html out) {
    try (Writer writer = out.writer()) {
      MAPPER.writeValue(writer, value);
    } catch (IOException e) {
      throw new IllegalArgumentException("Page state cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private final int[] escapes;

    HtmlSafeEscapes() {
      escapes = standardAsciiEscapesForJSON();
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // Only called for non-ASCII; U+2028/U+2029 end a line in older JavaScript.
      if (ch == 0x2028) return LINE_SEPARATOR;
      if (ch == 0x2029) return PARAGRAPH_SEPARATOR;
      return null;
    }

    private static final SerializableString LINE_SEPARATOR =
      new com.fasterxml.jackson.core.io.SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR =
      new com.fasterxml.jackson.core.io.SerializedString("\\u2029");
  }

  static {
    // Jackson only asks getEscapeSequence for non-ASCII characters when told to escape them.
    MAPPER.getFactory().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);
  }
}
