package dev.verve.page.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vertx.core.json.jackson.VertxModule;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes page state as JSON that is safe inside {@code <script type="application/json">}: {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 come out as {@code \}{@code uXXXX}, so no value can close the
 * element or start a comment, and {@code JSON.parse} still gives back the same data. One pass through
 * Jackson with {@link CharacterEscapes}; records and POJOs map like Jackson maps them, Vert.x
 * {@code JsonObject}/{@code JsonArray} as JSON, data objects through their {@code toJson()}.
 */
public final class StateWriter {

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
