package dev.verve.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one pass over a request's headers lets through exactly what the guards' own lookups would: each
 * request here, sent as raw bytes to a real server, is judged both ways.
 */
class RouterBypassTest {

  private static final String CALL = "POST /api/Bench/doubleNumber HTTP/1.1\r\n";
  private static Vertx vertx;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    RouterBypass bypass = new RouterBypass(new HostGuard(new HttpOptions(), "/api"),
      new HttpAnswers(new SimpleMeterRegistry()));
    HttpServer server = vertx.createHttpServer().requestHandler(request -> {
      String verdict = bypass.passes(request) + " " + bypass.passesByLookup(request);
      request.response().end(verdict);
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    port = server.actualPort();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theOnePassAgreesWithEachGuardsLookup() throws IOException {
    Map<String, String> cases = new LinkedHashMap<>();
    String json = "Content-Type: application/json\r\nContent-Length: 2\r\n";
    cases.put("a plain call", "Host: 127.0.0.1:8080\r\n" + json);
    cases.put("localhost, any case", "HOST: LocalHost\r\n" + json);
    cases.put("a foreign host", "Host: evil.example\r\n" + json);
    cases.put("a bracketed loopback", "Host: [::1]:8080\r\n" + json);
    cases.put("a bearer token", "Host: localhost\r\nAuthorization: Bearer x\r\n" + json);
    cases.put("an empty Authorization", "Host: localhost\r\nauthorization:\r\n" + json);
    cases.put("a session cookie", "Host: localhost\r\nCookie: a=b; verve.session=s\r\n" + json);
    cases.put("other cookies", "Host: localhost\r\nCookie: a=b\r\n" + json);
    cases.put("the session in a second Cookie header", "Host: localhost\r\nCookie: a=b\r\nCookie: verve.session=s\r\n" + json);
    cases.put("its own origin", "Host: localhost:" + "PORT" + "\r\nOrigin: http://localhost:PORT\r\n" + json);
    cases.put("a foreign origin", "Host: localhost\r\nOrigin: http://evil.example\r\n" + json);
    cases.put("two origins", "Host: localhost:PORT\r\nOrigin: http://localhost:PORT\r\nOrigin: http://localhost:PORT\r\n" + json);
    cases.put("a cross-site fetch", "Host: localhost\r\nSec-Fetch-Site: cross-site\r\n" + json);
    cases.put("a same-origin fetch", "Host: localhost\r\nsec-fetch-site: same-origin\r\n" + json);
    cases.put("two fetch sites, cross-site second", "Host: localhost\r\nSec-Fetch-Site: same-origin\r\nSec-Fetch-Site: cross-site\r\n" + json);
    cases.put("chunked", "Host: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
    cases.put("a chunked HTTP/1.0 call", "HTTP/1.0|Host: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
    cases.put("no Host on HTTP/1.0", "HTTP/1.0|" + json);
    cases.put("a Host folded onto its next line", "Host:\r\n localhost\r\n" + json);
    cases.put("an Origin folded onto its next line", "Host: localhost\r\nOrigin:\r\n http://localhost\r\n" + json);
    int judged = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String headers = c.getValue().replace("PORT", String.valueOf(port));
      String line = CALL;
      if (headers.startsWith("HTTP/1.0|")) {
        line = CALL.replace("HTTP/1.1", "HTTP/1.0");
        headers = headers.substring("HTTP/1.0|".length());
      }
      String body = headers.contains("chunked") ? "2\r\n{}\r\n0\r\n\r\n" : "{}";
      String answer;
      try {
        answer = send(line + headers + "\r\n" + body);
      } catch (IOException e) {
        throw new IOException(c.getKey() + ": " + e.getMessage(), e);
      }
      if (!answer.startsWith("HTTP/1.1 200") && !answer.startsWith("HTTP/1.0 200")) continue; // refused by Netty itself
      String verdict = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      String[] both = verdict.split(" ");
      // A session cookie in any Cookie header goes to the router; the lookup reads every one too.
      assertEquals(both[1], both[0], c.getKey() + ": one pass " + both[0] + ", lookups " + both[1]);
      judged++;
    }
    // Netty itself refuses only the folded Host (no value on its line); every other case reached the guards.
    assertTrue(judged >= cases.size() - 2, "judged " + judged + " of " + cases.size());
    assertEquals("true true", verdictOf("Host: localhost\r\n" + json));
    assertEquals("false false", verdictOf("Host: localhost\r\nAuthorization: Basic eDp5\r\n" + json));
  }

  private static String verdictOf(String headers) throws IOException {
    String answer = send(CALL + headers + "\r\n{}");
    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
  }

  private static String send(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      byte[] chunk = new byte[1024];
      // Up to the end of the answer's body (its Content-Length), or the connection's close.
      for (int n; (n = in.read(chunk)) >= 0; ) {
        read.write(chunk, 0, n);
        String text = read.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        int at = text.toLowerCase().indexOf("content-length: ");
        if (end >= 0 && at >= 0 && at < end) {
          int length = Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)).trim());
          if (text.length() >= end + 4 + length) return text;
        }
      }
      return read.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
