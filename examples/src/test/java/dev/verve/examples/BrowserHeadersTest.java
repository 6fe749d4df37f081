package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every answer but a function call's tells the browser: its policy, no sniffing, no framing, the referrer. */
@ExtendWith(NoBlockedThreads.class)
class BrowserHeadersTest {

  @Test
  void pagesErrorPagesAndFormsCarryThePolicyAndFunctionCallsDoNot() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      for (String path : List.of("/", "/server-data", "/login", "/signup", "/no-such-page", "/todos")) {
        HttpResponse<Buffer> page = await(server.request(HttpMethod.GET, path).send());
        String policy = page.getHeader("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'self'")
          && !policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), path + ": " + policy);
        assertEquals("nosniff", page.getHeader("X-Content-Type-Options"), path);
        assertEquals("SAMEORIGIN", page.getHeader("X-Frame-Options"), path);
        assertEquals("strict-origin-when-cross-origin", page.getHeader("Referrer-Policy"), path);
        assertNull(page.getHeader("Strict-Transport-Security"), "no TLS said: " + path);
      }
      HttpResponse<Buffer> call = server.postJson("/api/Counter/getServerData", "{}");
      assertEquals(200, call.statusCode());
      assertNull(call.getHeader("Content-Security-Policy"));
    }
  }

  @Test
  void thePolicyIsConfigurableAndASecureCookieBringsStrictTransportSecurity() {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("http.contentSecurityPolicy", "default-src 'self'").put("http.referrerPolicy", "")
      .put("auth.secureCookie", true))) {
      HttpResponse<Buffer> page = await(server.request(HttpMethod.GET, "/").send());
      assertEquals("default-src 'self'", page.getHeader("Content-Security-Policy"));
      assertNull(page.getHeader("Referrer-Policy"));
      assertEquals("max-age=31536000", page.getHeader("Strict-Transport-Security"));
    }
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("http.contentSecurityPolicy", ""))) {
      assertNull(await(server.request(HttpMethod.GET, "/").send()).getHeader("Content-Security-Policy"));
    }
  }
}
