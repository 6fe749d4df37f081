package dev.verve.test.impl;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@code @VerveTest(config = {"api.maxInFlight=5", ...})} as the flat, dotted config the verticle reads. */
final class ConfigEntries {

  private ConfigEntries() {
  }

  static JsonObject parse(String[] entries) {
    JsonObject config = new JsonObject();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ExtensionConfigurationException("@VerveTest config entries are key=value; got '" + entry + "'");
      }
      config.put(entry.substring(0, eq).trim(), value(entry.substring(eq + 1).trim()));
    }
    return config;
  }

  // A number or a boolean is one; anything else (a URL, a name) is text.
  private static Object value(String text) {
    try {
      Object decoded = Json.decodeValue(text);
      if (decoded instanceof Number || decoded instanceof Boolean) return decoded;
    } catch (DecodeException notJson) {
      // text
    }
    return text;
  }
}
