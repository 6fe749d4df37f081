package dev.verve.impl;

import io.vertx.core.json.JsonObject;

/** Reads typed values from the merged config: environment variables and system properties arrive as strings. */
public final class ConfigValues {

  private ConfigValues() {
  }

  public static long longValue(JsonObject config, String key, long def) {
    Object value = config.getValue(key);
    if (value == null) return def;
    if (value instanceof Number) return ((Number) value).longValue();
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
    }
  }

  public static boolean boolValue(Object value) {
    if (value instanceof Boolean) return (Boolean) value;
    return value != null && Boolean.parseBoolean(value.toString().trim());
  }
}
