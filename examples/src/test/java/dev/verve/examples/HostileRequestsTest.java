package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.RawHttp.Answer;
import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;

import static dev.verve.examples.support.RawHttp.exchange;
import static dev.verve.examples.support.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no browser sends, written byte for byte: ambiguous framing (request smuggling), oversized
 * lines, a rebound {@code Host}, the bridge's removed transports. Each gets a clear error, and the
 * server keeps serving.
 */
@ExtendWith(NoBlockedThreads.class)
class HostileRequestsTest {

  static final String CALL = "/api/Counter/getServerData";
  // After the first request's body: a second request that would be answered if the body were misread.
  static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  Answer send(String request) throws IOException {
    return exchange(server.port, request);
  }

  void assertRefused(int status, Answer answer) {
    assertEquals(status, answer.status(), answer::toString);
    assertEquals(1, answer.responses(), () -> "a second request was answered: " + answer);
    assertTrue(answer.closed, () -> "the connection stayed open: " + answer);
  }

  @Test
  void aWellFramedChunkedCallIsServed() throws IOException {
    Answer answer = send(post(CALL, "Transfer-Encoding: chunked\r\nConnection: close\r\n", "2\r\n{}\r\n0\r\n\r\n"));
    assertEquals(200, answer.status(), answer::toString);
  }

  @Test
  void chunkedFollowedByAnotherCodingIs400() throws IOException {
    assertRefused(400, send(post(CALL, "Transfer-Encoding: chunked, xchunked\r\n", "2\r\n{}\r\n0\r\n\r\n" + SMUGGLED)));
  }

  @Test
  void aCodingOtherThanChunkedIs400() throws IOException {
    assertRefused(400, send(post(CALL, "Transfer-Encoding: xchunked\r\n", "2\r\n{}\r\n0\r\n\r\n" + SMUGGLED)));
    assertRefused(400, send(post(CALL, "Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n" + SMUGGLED)));
  }

  @Test
  void aTransferEncodingFoldedOntoAContinuationLineIs400() throws IOException {
    // obs-fold (RFC 9112 5.2): Netty joins the lines with a space; a length framed by a folded line is refused.
    assertRefused(400, send(post(CALL, "Transfer-Encoding:\r\n chunked\r\n", "0\r\n\r\n" + SMUGGLED)));
    assertRefused(400, send(post(CALL, "Transfer-Encoding: chunked\r\n\tchunked\r\n", "0\r\n\r\n" + SMUGGLED)));
  }

  @Test
  void aHostOriginOrLengthFoldedOntoAContinuationLineIs400() throws IOException {
    assertRefused(400, send(post(CALL, "Content-Length:\r\n 2\r\n", "{}" + SMUGGLED)));
    assertRefused(400, send(post(CALL, "Origin:\r\n http://127.0.0.1\r\nContent-Length: 2\r\n", "{}" + SMUGGLED)));
    // A GET has no body to misread: what follows it is a pipelined request, not a smuggled one.
    Answer host = send("GET / HTTP/1.1\r\nHost:\r\n 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertEquals(400, host.status(), host::toString);
  }

  @Test
  void transferEncodingTwiceIs400() throws IOException {
    assertRefused(400, send(post(CALL, "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
      "0\r\n\r\n" + SMUGGLED)));
  }

  @Test
  void transferEncodingWithContentLengthIs400() throws IOException {
    assertRefused(400, send(post(CALL, "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + SMUGGLED)));
    assertRefused(400, send(post(CALL, "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n" + SMUGGLED)));
  }

  @Test
  void twoDifferentContentLengthsAre400() throws IOException {
    assertRefused(400, send(post(CALL, "Content-Length: 2\r\nContent-Length: 41\r\n", "{}" + SMUGGLED)));
  }

  @Test
  void aHeaderBlockLargerThanTheLimitIs431() throws IOException {
    Answer answer = send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n");
    assertEquals(431, answer.status(), answer::statusLine);
  }

  @Test
  void aRequestLineLongerThanTheLimitIs414() throws IOException {
    Answer answer = send("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertEquals(414, answer.status(), answer::statusLine);
  }

  @Test
  void aRequestForARebindedHostIs421() throws IOException {
    Answer call = send(post(CALL, "Host: rebind.evil.example:8080\r\nOrigin: http://rebind.evil.example:8080\r\n"
      + "Content-Length: 2\r\nConnection: close\r\n", "{}").replace("Host: 127.0.0.1\r\n", ""));
    assertEquals(421, call.status(), call::toString);
    assertEquals("application/problem+json", call.header("Content-Type"));
    assertEquals(421, call.json().getInteger("status"));

    Answer page = send("GET / HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: close\r\n\r\n");
    assertEquals(421, page.status(), page::toString);
    assertTrue(page.header("Content-Type").startsWith("text/html"), page::toString);
  }

  @Test
  void theLoopbackNamesAreServedOnAnyPort() throws IOException {
    for (String host : new String[]{"127.0.0.1", "localhost:" + server.port, "LOCALHOST", "[::1]:80", "127.0.0.1:9"}) {
      Answer answer = send(post(CALL, "Content-Length: 2\r\nConnection: close\r\n", "{}")
        .replace("Host: 127.0.0.1", "Host: " + host));
      assertEquals(200, answer.status(), () -> host + ": " + answer);
    }
  }

  @Test
  void aRequestWithoutHostIs400() throws IOException {
    Answer answer = send("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertEquals(400, answer.status(), answer::toString);
  }

  @Test
  void theBridgeServesNoJsonpHtmlfileOrEventSource() throws IOException {
    for (String transport : new String[]{"jsonp?c=x", "htmlfile?c=x", "eventsource"}) {
      Answer answer = send("GET /eventbus/000/abcdefgh/" + transport + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Connection: close\r\n\r\n");
      assertEquals(404, answer.status(), () -> transport + ": " + answer);
    }
    // The transports the runtime and the official client use stay.
    Answer xhr = send("POST /eventbus/000/abcdefgh/xhr HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
      + "Connection: close\r\n\r\n");
    assertEquals(200, xhr.status(), xhr::toString);
  }

  @Test
  void aHeaderThatMustBeSingleButIsRepeatedIs400AndTheConnectionCloses() throws IOException {
    for (String headers : new String[]{"Host: 127.0.0.1\r\nHost: evil.example\r\n",
      "Host: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\nOrigin: http://evil.example\r\n",
      "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 2\r\n"}) {
      Answer answer = send("POST /api/Counter/getServerData HTTP/1.1\r\n" + headers + "\r\n{}"
        + "GET /server-data HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertEquals(400, answer.status(), () -> headers + answer);
      assertEquals(1, answer.responses(), () -> "a request behind it was answered: " + answer);
      assertTrue(answer.closed, answer::toString);
    }
  }

  @Test
  void theBridgeServesNoIframePageAndNoXhrStreaming() throws IOException {
    for (String request : new String[]{"GET /eventbus/iframe.html", "GET /eventbus/iframe-1.6.1.html",
      "POST /eventbus/000/abcdefgh/xhr_streaming"}) {
      Answer answer = send(request + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      assertEquals(404, answer.status(), () -> request + ": " + answer);
      assertFalse(answer.text.contains("<script"), answer::toString);
    }
    Answer info = send("GET /eventbus/info HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertEquals(200, info.status(), info::toString);
  }

  @Test
  void cleartextHttp2IsNotSpoken() throws IOException {
    Answer upgrade = send("GET /api/Counter/getServerData HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n"
      + "Connection: close\r\n\r\n");
    assertEquals(405, upgrade.status(), upgrade::toString); // answered as HTTP/1.1, not 101
    Answer priorKnowledge = send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    // A text answer (Vert.x: "501 Not Implemented") and a closed connection, not HTTP/2's binary SETTINGS.
    assertTrue(priorKnowledge.text.startsWith("HTTP/") && priorKnowledge.closed, priorKnowledge::toString);
  }

  @Test
  void theServerKeepsServingAfterAll() throws IOException {
    chunkedFollowedByAnotherCodingIs400();
    aHeaderBlockLargerThanTheLimitIs431();
    aWellFramedChunkedCallIsServed();
  }
}
