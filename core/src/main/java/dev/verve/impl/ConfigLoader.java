package dev.verve.impl;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration through vertx-config, later layers winning: the application's defaults,
 * {@code conf/config.json} (or the
 * file named by the {@code verve.config} system property; optional), the deployment config (the
 * launcher's {@code -conf}), environment variables ({@code VERVE_HTTP_PORT} sets {@code http.port}),
 * then system properties ({@code -Dhttp.port=9090}). The result has flat, dotted keys.
 */
public final class ConfigLoader {

  public static final String DEFAULT_FILE = "conf/config.json";
  private static final String ENV_PREFIX = "VERVE_";

  private ConfigLoader() {
  }

  public static Future<JsonObject> load(Vertx vertx, JsonObject deploymentConfig) {
    return load(vertx, new JsonObject(), deploymentConfig);
  }

  /** Like {@link #load(Vertx, JsonObject)}, with the application's built-in defaults under everything. */
  public static Future<JsonObject> load(Vertx vertx, JsonObject defaults, JsonObject deploymentConfig) {
    String file = System.getProperty("verve.config", DEFAULT_FILE);
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
      .setScanPeriod(0)
      .addStore(new ConfigStoreOptions().setType("json").setConfig(flatten(defaults)))
      .addStore(new ConfigStoreOptions().setType("file").setOptional(true)
        .setConfig(new JsonObject().put("path", file)))
      .addStore(new ConfigStoreOptions().setType("json").setConfig(flatten(deploymentConfig)))
      .addStore(new ConfigStoreOptions().setType("env").setConfig(new JsonObject().put("raw-data", true)))
      .addStore(new ConfigStoreOptions().setType("sys").setConfig(new JsonObject().put("cache", false)));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
      .map(ConfigLoader::normalize)
      .eventually(retriever::close);
  }

  /** Flattens nested objects to dotted keys and maps {@code VERVE_*} environment variables onto them. */
  static JsonObject normalize(JsonObject merged) {
    JsonObject flat = flatten(merged);
    JsonObject result = flat.copy();
    for (Map.Entry<String, Object> entry : flat) {
      String key = entry.getKey();
      if (key.startsWith(ENV_PREFIX) && key.length() > ENV_PREFIX.length()) {
        result.put(envToKey(key.substring(ENV_PREFIX.length()), flat), entry.getValue());
      }
    }
    return result;
  }

  // VERVE_API_BODYLIMIT -> api.bodyLimit: match a known key case-insensitively, else lower-case dotted.
  private static String envToKey(String name, JsonObject known) {
    String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
    for (String key : KNOWN_KEYS) {
      if (key.toLowerCase(Locale.ROOT).equals(dotted)) return key;
    }
    for (String key : known.fieldNames()) {
      if (key.toLowerCase(Locale.ROOT).equals(dotted)) return key;
    }
    return dotted;
  }

  private static final String[] KNOWN_KEYS = {
    "http.host", "http.port", "api.prefix", "api.bodyLimit", "api.timeout", "api.allowedOrigins",
    "eventbus.outbound", "eventbus.inbound", "dev", "node.role", "templates.root", "http.compression",
    "db.url", "db.user", "db.password", "db.poolSize", "db.connectTimeout", "db.migrations",
    "auth.tokenKey", "auth.tokenTtl", "auth.sessionTimeout", "auth.secureCookie", "auth.maxFailures",
    "auth.failureWindow", "auth.passwordIterations", "demo.adminPassword",
    "http.allowedHosts", "http.idleTimeout", "http.headerTimeout", "http.bodyTimeout", "http.maxHeaderSize",
    "http.maxRequestLineLength", "http.maxWebSocketFrameSize", "http.maxWebSocketMessageSize", "http.h2c",
    "eventbus.maxAddressLength", "eventbus.maxHandlersPerSocket"
  };

  static JsonObject flatten(JsonObject json) {
    JsonObject flat = new JsonObject();
    flattenInto("", json == null ? new JsonObject() : json, flat);
    return flat;
  }

  private static void flattenInto(String prefix, JsonObject json, JsonObject flat) {
    for (Map.Entry<String, Object> entry : json) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof JsonObject) {
        flattenInto(key + ".", (JsonObject) value, flat);
      } else if (!flat.containsKey(key) || prefix.isEmpty()) {
        // An explicit dotted key wins over the same key spelled as nested objects.
        flat.put(key, value);
      }
    }
  }
}
