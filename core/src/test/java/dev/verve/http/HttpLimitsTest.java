package dev.verve.http;

import dev.verve.VerveOptions;
import dev.verve.fn.ApiOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpLimitsTest {

  @Test
  void theDefaultsAreSafe() {
    HttpServerOptions server = HttpLimits.serverOptions(new HttpOptions(), new ApiOptions().getBodyLimit());
    assertFalse(server.isHttp2ClearTextEnabled(), "h2c is off unless configured");
    assertEquals(60_000, server.getIdleTimeout());
    assertEquals(TimeUnit.MILLISECONDS, server.getIdleTimeoutUnit());
    assertEquals(8192, server.getMaxHeaderSize());
    assertEquals(4096, server.getMaxInitialLineLength());
    assertEquals(20_000, new HttpOptions().getHeaderTimeoutMs());
  }

  @Test
  void everyLimitComesFromConfig() {
    // Strings, as environment variables and system properties bring them.
    JsonObject config = new JsonObject()
      .put("http.headerTimeout", "5000").put("http.allowedHosts", "a.example, B.example")
      .put("http.h2c", "true").put("eventbus.maxHandlersPerSocket", "7")
      .put("http.maxHeaderSize", 16384).put("http.maxRequestLineLength", 2048).put("http.idleTimeout", 1000)
      .put("http.maxWebSocketFrameSize", 1024).put("http.maxWebSocketMessageSize", 2048)
      .put("http.bodyTimeout", 3000).put("eventbus.maxAddressLength", 64);
    VerveOptions options = VerveOptions.fromConfig(config);
    assertEquals(5000, options.http().getHeaderTimeoutMs());
    assertEquals(3000, options.http().getBodyTimeoutMs());
    assertEquals(List.of("a.example", "B.example"), options.http().getAllowedHosts());
    assertEquals(7, options.bridge().getMaxHandlersPerSocket());
    assertEquals(64, options.bridge().getMaxAddressLength());
    HttpServerOptions server = HttpLimits.serverOptions(options.http(), options.api().getBodyLimit());
    assertTrue(server.isHttp2ClearTextEnabled());
    assertEquals(16384, server.getMaxHeaderSize());
    assertEquals(2048, server.getMaxInitialLineLength());
    assertEquals(1000, server.getIdleTimeout());
    assertEquals(1024, server.getMaxWebSocketFrameSize());
    assertEquals(2048, server.getMaxWebSocketMessageSize());
  }

  @Test
  void aLimitOfZeroIsRefusedWithItsKeyNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> VerveOptions.fromConfig(new JsonObject().put("http.headerTimeout", 0)));
    assertTrue(e.getMessage().contains("http.headerTimeout"));
  }

  @Test
  void hostNamesCompareWithoutCaseBracketsOrATrailingDot() {
    assertEquals("::1", HostGuard.normalize("[::1]"));
    assertEquals("localhost", HostGuard.normalize("LocalHost."));
  }
}
