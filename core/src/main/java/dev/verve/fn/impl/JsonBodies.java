package dev.verve.fn.impl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.IOException;

/**
 * A call's body read and a reply written with Vert.x's streaming codec ({@link JacksonCodec}), the same
 * values and bytes {@link Json#decodeValue} and {@link Json#encodeToBuffer} give. Those go through
 * jackson-databind whenever it is on the classpath (an {@code ObjectMapper} call, then a walk that turns its
 * maps into {@code JsonObject}s), and read a buffer through an {@code InputStream}; a small call paid for
 * both on every request. The parser here reads the buffer's bytes in place.
 */
final class JsonBodies {

  // Vert.x's factory (its read limits, comments allowed) with Jackson's per-thread buffers: Vert.x's own pool
  // asks on every parse whether the thread is virtual, through a method handle. Calls are read and answered on
  // event loops, whose threads live as long as the server.
  private static final JsonFactory FACTORY = DatabindCodec.mapper().getFactory().copy()
    .setRecyclerPool(JsonRecyclerPools.threadLocalPool());

  private JsonBodies() {
  }

  /** The JSON value in {@code body} (a {@code JsonObject}, {@code JsonArray}, string, number, boolean or null). */
  static Object decode(Buffer body) throws DecodeException {
    ByteBuf bytes = ((BufferInternal) body).getByteBuf();
    if (!bytes.hasArray()) return Json.decodeValue(body);
    JsonParser parser;
    try {
      parser = FACTORY.createParser(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
    } catch (IOException e) {
      throw new DecodeException("Failed to decode:" + e.getMessage(), e);
    }
    return JacksonCodec.fromParser(parser, Object.class);
  }

  /**
   * {@code value} as JSON. A reply's value is JSON already (the generated handler's conversions); anything
   * else (a POJO inside a {@code JsonObject}) is left to databind, as before.
   */
  static Buffer encode(Object value) {
    if (value instanceof JsonObject || value instanceof JsonArray) {
      BufferRecycler recycler = FACTORY._getBufferRecycler();
      try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
        JsonGenerator generator = FACTORY.createGenerator(bytes);
        JacksonCodec.encodeJson(value, generator);
        generator.close();
        Buffer encoded = Buffer.buffer(bytes.toByteArray());
        bytes.release();
        return encoded;
      } catch (EncodeException | IOException e) {
        // A value the streaming codec has no mapping for: databind's, below.
      } finally {
        recycler.releaseToPool();
      }
    }
    return Json.encodeToBuffer(value);
  }
}
