package dev.verve.config;

import dev.verve.VerveOptions;
import dev.verve.fn.ApiOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

  @Test
  void nestedObjectsFlattenToDottedKeysAndExplicitDottedKeysWin() {
    JsonObject flat = ConfigLoader.normalize(new JsonObject()
      .put("http", new JsonObject().put("port", 1).put("host", "0.0.0.0"))
      .put("http.port", 2));
    assertEquals(2, flat.getInteger("http.port"));
    assertEquals("0.0.0.0", flat.getString("http.host"));
  }

  @Test
  void verveEnvironmentVariablesMapOntoKnownKeys() {
    JsonObject flat = ConfigLoader.normalize(new JsonObject()
      .put("VERVE_HTTP_PORT", "9090").put("VERVE_API_BODYLIMIT", "10").put("VERVE_MY_SETTING", "x"));
    assertEquals("9090", flat.getString("http.port"));
    assertEquals("10", flat.getString("api.bodyLimit"));
    assertEquals("x", flat.getString("my.setting"));
    assertEquals("5000", ConfigLoader.normalize(new JsonObject().put("VERVE_HTTP_HEADERTIMEOUT", "5000"))
      .getString("http.headerTimeout"));
    assertEquals("7", ConfigLoader.normalize(new JsonObject().put("VERVE_EVENTBUS_MAXHANDLERSPERSOCKET", "7"))
      .getString("eventbus.maxHandlersPerSocket"));
    VerveOptions options = VerveOptions.fromConfig(flat);
    assertEquals(9090, options.http().getPort());
    assertEquals(10, options.api().getBodyLimit());
  }

  @Test
  void systemPropertiesWinOverTheDeploymentConfig() throws Exception {
    Vertx vertx = Vertx.vertx();
    System.setProperty("api.timeout", "1234");
    try {
      JsonObject conf = ConfigLoader.load(vertx, new JsonObject().put("api.timeout", 5).put("http.port", 7))
        .await(10, TimeUnit.SECONDS);
      VerveOptions options = VerveOptions.fromConfig(conf);
      assertEquals(1234, options.api().getTimeoutMs());
      assertEquals(7, options.http().getPort());
    } finally {
      System.clearProperty("api.timeout");
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void badValuesFailWithTheKeyNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> VerveOptions.fromConfig(new JsonObject().put("http.port", "eighty")));
    assertTrue(e.getMessage().contains("http.port"));
    assertThrows(IllegalArgumentException.class, () -> VerveOptions.fromConfig(new JsonObject().put("api.timeout", 0)));
  }

  @Test
  void originsComeAsAListOrACommaSeparatedString() {
    assertEquals(List.of("https://a", "https://b"),
      VerveOptions.fromConfig(new JsonObject().put("api.allowedOrigins", "https://a, https://b")).api().getAllowedOrigins());
    assertEquals(List.of("https://a"),
      VerveOptions.fromConfig(new JsonObject().put("api.allowedOrigins", new JsonArray().add("https://a"))).api().getAllowedOrigins());
  }

  @Test
  void theApiPrefixIsNormalized() {
    assertEquals("/rpc", new ApiOptions().setPrefix("rpc/").getPrefix());
    assertThrows(IllegalArgumentException.class, () -> new ApiOptions().setPrefix("/"));
  }
}
