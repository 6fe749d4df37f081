package dev.verve.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads the configuration through vertx-config, later layers winning: the application's defaults,
 * {@code conf/config.json} (or the file named by the {@code verve.config} system property; optional), the
 * deployment config (the launcher's {@code -conf}), environment variables ({@code VERVE_HTTP_PORT} sets
 * {@code http.port}), then system properties ({@code -Dhttp.port=9090}). The result has flat, dotted keys.
 *
 * <p>The keys are those of {@link ConfigKeys} and the application's own: an environment variable maps
 * onto a known key whatever its case ({@code VERVE_API_MAXINFLIGHT} is {@code api.maxInFlight}), a value of
 * the wrong type fails the start naming its key, and an unknown key under a prefix core owns
 * ({@code http.}, {@code api.}, ...) is logged as ignored, with the known key it resembles.
 */
public final class ConfigLoader {

  public static final String DEFAULT_FILE = "conf/config.json";
  private static final String ENV_PREFIX = "VERVE_";
  private static final Logger LOG = Logger.getLogger(ConfigLoader.class.getName());

  private ConfigLoader() {
  }

  public static Future<JsonObject> load(Vertx vertx, JsonObject deploymentConfig) {
    return load(vertx, new JsonObject(), deploymentConfig, List.of());
  }

  /**
   * Like {@link #load(Vertx, JsonObject)}, with the application's built-in defaults under everything and
   * its own keys ({@code appKeys}) known beside core's.
   */
  public static Future<JsonObject> load(Vertx vertx, JsonObject defaults, JsonObject deploymentConfig,
                                        List<ConfigKey<?>> appKeys) {
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
    List<ConfigKey<?>> keys = known(appKeys);
    return retriever.getConfig()
      .map(merged -> check(normalize(merged, keys), keys))
      .eventually(retriever::close);
  }

  /** Flattens nested objects to dotted keys and maps {@code VERVE_*} environment variables onto core's keys. */
  static JsonObject normalize(JsonObject merged) {
    return normalize(merged, ConfigKeys.ALL);
  }

  static JsonObject normalize(JsonObject merged, List<ConfigKey<?>> keys) {
    JsonObject flat = flatten(merged);
    JsonObject result = flat.copy();
    for (Map.Entry<String, Object> entry : flat) {
      String key = entry.getKey();
      if (key.startsWith(ENV_PREFIX) && key.length() > ENV_PREFIX.length()) {
        result.put(envToKey(key.substring(ENV_PREFIX.length()), keys, flat), entry.getValue());
      }
    }
    return result;
  }

  /**
   * Checks every known key's type (failing naming the first wrong one) and logs the unknown keys under core's
   * prefixes; returns {@code config}.
   */
  public static JsonObject check(JsonObject config, List<ConfigKey<?>> keys) {
    Map<String, ConfigKey<?>> byName = new HashMap<>();
    for (ConfigKey<?> key : keys) {
      byName.put(key.name(), key);
      key.check(config);
    }
    for (String name : config.fieldNames()) {
      if (byName.containsKey(name) || !ownedByCore(name)) continue;
      ConfigKey<?> like = byLowerCase(keys, name);
      LOG.warning("Unknown configuration key " + name + " is ignored"
        + (like != null ? ": did you mean " + like.name() + "?" : ""));
    }
    return config;
  }

  private static List<ConfigKey<?>> known(List<ConfigKey<?>> appKeys) {
    List<ConfigKey<?>> keys = new ArrayList<>(ConfigKeys.ALL);
    keys.addAll(appKeys);
    return keys;
  }

  // The JDK's own networking properties arrive here too, as system properties: not ours to judge.
  private static final List<String> JDK_PROPERTIES = List.of("http.proxy", "http.nonProxyHosts", "http.agent",
    "http.keepAlive", "http.maxConnections", "http.maxRedirects", "http.auth.", "http.retryPost", "http.strictPostRedirect");

  private static boolean ownedByCore(String name) {
    for (String jdk : JDK_PROPERTIES) {
      if (name.startsWith(jdk)) return false;
    }
    for (String prefix : ConfigKeys.CORE_PREFIXES) {
      if (name.startsWith(prefix)) return true;
    }
    return false;
  }

  private static ConfigKey<?> byLowerCase(List<ConfigKey<?>> keys, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ConfigKey<?> key : keys) {
      if (key.name().toLowerCase(Locale.ROOT).equals(lower)) return key;
    }
    return null;
  }

  // VERVE_API_BODYLIMIT -> api.bodyLimit: match a known key case-insensitively, else lower-case dotted.
  private static String envToKey(String name, List<ConfigKey<?>> keys, JsonObject present) {
    String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
    ConfigKey<?> known = byLowerCase(keys, dotted);
    if (known != null) return known.name();
    for (String key : present.fieldNames()) {
      if (key.toLowerCase(Locale.ROOT).equals(dotted)) return key;
    }
    return dotted;
  }
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
