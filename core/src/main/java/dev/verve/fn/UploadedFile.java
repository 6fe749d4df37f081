package dev.verve.fn;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A file a caller sent: its name, content type and bytes, as a server-function parameter
 * ({@code Future<List<Todo>> importFile(UploadedFile file)}). Over HTTP it is a {@code multipart/form-data}
 * file field named like the parameter (or, in a JSON call, the JSON form below); on the event bus it travels
 * as {@code {"name": ..., "contentType": ..., "bytes": "<base64>"}}, so it reaches whichever node runs the
 * function. It is held in memory, never written to disk; {@code api.bodyLimit} bounds the whole request.
 */
@DataObject
public final class UploadedFile {

  private static final String DEFAULT_TYPE = "application/octet-stream";

  private final String name;
  private final String contentType;
  private final Buffer bytes;

  public UploadedFile(String name, String contentType, Buffer bytes) {
    this.name = name == null ? "" : name;
    this.contentType = contentType == null || contentType.isEmpty() ? DEFAULT_TYPE : contentType;
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** The JSON form; {@code bytes} (base64, standard or URL alphabet, padding optional) is required. */
  public UploadedFile(JsonObject json) {
    this(stringOrNull(json, "name"), stringOrNull(json, "contentType"), decode(json.getValue("bytes")));
  }

  /** The file's name as the browser gave it (without a directory); {@code ""} when none was given. */
  public String name() { return name; }

  /** The declared media type, {@code application/octet-stream} when none was given. */
  public String contentType() { return contentType; }

  public Buffer bytes() { return bytes; }

  /** The bytes as UTF-8 text (malformed sequences become U+FFFD). */
  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("contentType", contentType)
      .put("bytes", Base64.getEncoder().encodeToString(bytes.getBytes()));
  }

  @Override
  public String toString() {
    return "UploadedFile[" + name + ", " + contentType + ", " + bytes.length() + " bytes]";
  }

  private static String stringOrNull(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) throw new IllegalArgumentException(key + " must be a string");
    return (String) value;
  }

  private static Buffer decode(Object value) {
    if (!(value instanceof String)) throw new IllegalArgumentException("bytes must be a base64 string");
    String text = ((String) value).replace('-', '+').replace('_', '/');
    return Buffer.buffer(Base64.getDecoder().decode(text.length() % 4 == 0 ? text
      : text + "=".repeat(4 - text.length() % 4)));
  }
}
