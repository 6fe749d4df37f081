package dev.verve.examples;

import dev.verve.Verve;
import dev.verve.examples.ops.Metrics;
import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An anonymous JSON call to a function is taken before the router walks its routes, and answers exactly as
 * the same call through the router does; every request a shared handler of the router would act on (another
 * host, another site, a session, a token, anything but a JSON call to a known function) still goes through it.
 */
@ExtendWith(NoBlockedThreads.class)
class CallsBeforeTheRouterTest {

  static TestServer server;
  // Every path the router saw: a route ordered before all of Verve's notes it.
  static final List<String> routed = new CopyOnWriteArrayList<>();
  // The router's shared handlers ignore an Authorization that is not a bearer token: the same anonymous
  // call, made to go through the router.
  static final String THROUGH_ROUTER = "Basic dGhyb3VnaDpyb3V0ZXI=";

  /** The probe app with a route ahead of Verve's that records what reaches the router. */
  public static class Observed extends ProbeVerticle {
    @Override
    protected void configure(Verve verve) {
      super.configure(verve);
      verve.router().route().order(-1).handler(ctx -> {
        routed.add(ctx.request().path());
        ctx.next();
      });
    }
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(Observed::new, new JsonObject().put("api.bodyLimit", 1024).put("api.timeout", 500));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void forget() {
    routed.clear();
  }

  @Test
  void aCallTakenBeforeTheRouterAnswersAsTheSameCallThroughIt() {
    Map<String, String> calls = new java.util.LinkedHashMap<>();
    calls.put("/api/Probe/echo", "{\"text\": \"hi <&>\"}");
    calls.put("/api/Probe/nothing", "{}");
    calls.put("/api/Probe/failWith", "{\"code\": 409, \"message\": \"taken\"}");
    calls.put("/api/Probe/crash", "{\"secret\": \"hunter2\"}");
    calls.put("/api/Probe/hang", "{}");
    calls.put("/api/Probe/types", "{\"big\": \"not a number\"}");
    calls.put("/api/Who/afterAwaits", "{}");
    calls.put("/api/Who/never", "{}");
    calls.put("/api/Who/me", "{}");
    calls.put("/api/Counter/getServerData", "");
    for (Map.Entry<String, String> call : calls.entrySet()) {
      compare(call.getKey(), "application/json", call.getValue());
    }
    compare("/api/Probe/echo", "application/json", "{\"text\": ");
    compare("/api/Probe/echo", "application/json; charset=utf-8", "[1, 2]");
    compare("/api/Probe/echo", "application/json", "{\"text\": \"" + "x".repeat(2000) + "\"}");
  }

  @Test
  void whatTheRouterMustSeeStillGoesThroughIt() {
    HttpResponse<Buffer> direct = send(server.request(HttpMethod.POST, "/api/Probe/echo"), "application/json", "{\"text\": \"a\"}");
    assertEquals(200, direct.statusCode());
    assertEquals(List.of(), routed, "an anonymous JSON call is taken before the router");

    String token = server.signUp("before-router", "correct horse battery");
    List<HttpRequest<Buffer>> throughRouter = List.of(
      server.request(HttpMethod.POST, "/api/Who/me").putHeader("Authorization", "Bearer " + token),
      server.request(HttpMethod.POST, "/api/Who/me").putHeader("Cookie", "verve.session=0123"),
      server.request(HttpMethod.POST, "/api/Who/me").putHeader("Origin", "https://evil.example"),
      server.request(HttpMethod.POST, "/api/Who/me").putHeader("Sec-Fetch-Site", "cross-site"),
      server.request(HttpMethod.POST, "/api/Who/me").putHeader("Host", "evil.example"),
      server.request(HttpMethod.POST, "/api/Who/nobody"),
      server.request(HttpMethod.POST, "/api/Who/../Who/me"),
      server.request(HttpMethod.POST, "/api/%57ho/me"),
      server.request(HttpMethod.GET, "/api/Who/me"));
    int[] statuses = {200, 200, 403, 403, 421, 404, 200, 200, 405};
    for (int i = 0; i < throughRouter.size(); i++) {
      routed.clear();
      HttpResponse<Buffer> response = send(throughRouter.get(i), "application/json", "{}");
      assertEquals(statuses[i], response.statusCode(), "request " + i + ": " + response.bodyAsString());
      assertEquals(1, routed.size(), "request " + i + " went through the router");
    }
    // The bearer token's caller, found by the router's handlers.
    routed.clear();
    HttpResponse<Buffer> me = send(server.request(HttpMethod.POST, "/api/Who/me").putHeader("Authorization", "Bearer " + token),
      "application/json", "{}");
    assertEquals("before-router", me.bodyAsJsonObject().getString("name"));
    // A form, and a call with no content type, are the router's too.
    routed.clear();
    send(server.request(HttpMethod.POST, "/api/Probe/echo"), "application/x-www-form-urlencoded", "text=a");
    assertEquals(1, routed.size());
  }

  @Test
  void aBodyInSeveralChunksIsReadWhole() throws Exception {
    String first = "{\"text\": \"" + "a".repeat(300);
    String second = "b".repeat(300) + "\"}";
    dev.verve.examples.support.RawHttp.Answer answer = dev.verve.examples.support.RawHttp.exchange(server.port,
      "POST /api/Probe/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n"
        + Integer.toHexString(second.length()) + "\r\n" + second + "\r\n0\r\n\r\n");
    assertEquals(200, answer.status(), answer.text);
    assertEquals("\"" + "a".repeat(300) + "b".repeat(300) + "\"", answer.body());
    assertEquals(List.of(), routed);
  }

  @Test
  void callsTakenBeforeTheRouterAreCountedAndTimedOnce() {
    String before = Metrics.scrape(server);
    for (int i = 0; i < 3; i++) {
      assertEquals(409, server.postJson("/api/Probe/failWith", "{\"code\": 409, \"message\": \"taken\"}").statusCode());
    }
    String after = Metrics.scrape(server);
    assertEquals(3, Metrics.value(after, "verve_http_responses_total", "status=\"409\"")
      - Metrics.value(before, "verve_http_responses_total", "status=\"409\""), after);
    String timer = "interface=\"Probe\",method=\"failWith\",status=\"409\"";
    assertEquals(3, Metrics.value(after, "verve_function_calls_seconds_count", timer)
      - Metrics.value(before, "verve_function_calls_seconds_count", timer), after);
  }

  // The same call both ways: the same status, headers that matter and body (a 500's id aside).
  private static void compare(String path, String contentType, String body) {
    routed.clear();
    HttpResponse<Buffer> direct = send(server.request(HttpMethod.POST, path), contentType, body);
    boolean taken = routed.isEmpty();
    HttpResponse<Buffer> viaRouter = send(server.request(HttpMethod.POST, path).putHeader("Authorization", THROUGH_ROUTER),
      contentType, body);
    assertTrue(taken, path + " " + body + " was taken before the router");
    assertEquals(1, routed.size(), path + " through the router");
    String what = path + " " + body.substring(0, Math.min(40, body.length()));
    assertEquals(viaRouter.statusCode(), direct.statusCode(), what);
    for (String header : Set.of("Content-Type", "WWW-Authenticate", "Allow", "Retry-After", "Connection", "Set-Cookie",
      "Content-Security-Policy", "Access-Control-Allow-Origin")) {
      assertEquals(viaRouter.getHeader(header), direct.getHeader(header), what + ": " + header);
    }
    assertEquals(withoutIds(viaRouter), withoutIds(direct), what);
  }

  private static String withoutIds(HttpResponse<Buffer> response) {
    String text = response.bodyAsString();
    return text == null ? "" : text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, String contentType, String body) {
    return await(request.putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)));
  }
}
