package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that send their headers or body a byte at a time are closed at the deadline, while a normal
 * client keeps being served. The operator's check (300 clients, a header byte every 5 s, the default 20 s
 * deadline) is this test with {@code -Dverve.slowClients=300 -Dverve.slowClients.everyMs=5000
 * -Dverve.slowClients.headerTimeout=20000}; it prints what it saw.
 */
@ExtendWith(NoBlockedThreads.class)
class SlowClientsTest {

  static final int CLIENTS = Integer.getInteger("verve.slowClients", 40);
  static final long EVERY_MS = Long.getLong("verve.slowClients.everyMs", 200);
  static final long HEADER_TIMEOUT_MS = Long.getLong("verve.slowClients.headerTimeout", 1000);
  static final long BODY_TIMEOUT_MS = 1000;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("http.headerTimeout", HEADER_TIMEOUT_MS).put("http.bodyTimeout", BODY_TIMEOUT_MS));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A connection that writes {@code text} one byte per {@link #trickle} call, then keeps writing spaces. */
  static final class Trickler {
    final Socket socket;
    final byte[] text;
    int sent;
    long closedAtMs = -1;

    Trickler(int port, String text) throws IOException {
      this.socket = new Socket("127.0.0.1", port);
      this.socket.setSoTimeout(1);
      this.text = text.getBytes(StandardCharsets.ISO_8859_1);
    }

    void trickle() {
      if (closedAtMs >= 0) return;
      try {
        OutputStream out = socket.getOutputStream();
        out.write(sent < text.length ? text[sent++] : ' ');
        out.flush();
      } catch (IOException e) {
        // Closed by the server; noticed by isClosed.
      }
    }

    /** Whether the server closed the connection (without answering: an answer would be data). */
    boolean isClosed(long nowMs) {
      if (closedAtMs >= 0) return true;
      try {
        InputStream in = socket.getInputStream();
        int b = in.read();
        if (b < 0) closedAtMs = nowMs;
        else throw new AssertionError("a slow client was answered");
      } catch (SocketTimeoutException stillOpen) {
        return false;
      } catch (IOException reset) {
        closedAtMs = nowMs;
      }
      return closedAtMs >= 0;
    }
  }

  @Test
  void clientsSlowWithTheirHeadersAreClosedWhileANormalClientIsServed() throws Exception {
    List<Trickler> slow = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        slow.add(new Trickler(server.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
      }
      long maxCallMs = 0;
      int calls = 0;
      long lastTrickle = -EVERY_MS;
      long limitMs = HEADER_TIMEOUT_MS + Math.max(3 * EVERY_MS, 2000);
      long nowMs;
      while ((nowMs = elapsedMs(start)) < limitMs && !allClosed(slow, nowMs)) {
        if (nowMs - lastTrickle >= EVERY_MS) {
          slow.forEach(Trickler::trickle);
          lastTrickle = nowMs;
        }
        long before = System.nanoTime();
        assertEquals(200, server.postJson("/api/Counter/getServerData", "{}").statusCode());
        maxCallMs = Math.max(maxCallMs, elapsedMs(before));
        calls++;
        Thread.sleep(50);
      }
      long closedAt = slow.stream().mapToLong(t -> t.closedAtMs).max().orElse(-1);
      System.out.printf("%d slow clients, a header byte every %d ms, header timeout %d ms: all closed by %d ms "
          + "(earliest %d ms); %d normal calls meanwhile, the slowest %d ms%n", CLIENTS, EVERY_MS, HEADER_TIMEOUT_MS,
        closedAt, slow.stream().mapToLong(t -> t.closedAtMs).min().orElse(-1), calls, maxCallMs);
      assertTrue(slow.stream().allMatch(t -> t.closedAtMs >= 0), "a slow client is still connected");
      assertTrue(closedAt >= HEADER_TIMEOUT_MS, "closed before the deadline: " + closedAt + " ms");
      assertTrue(maxCallMs < 1000, "a normal call took " + maxCallMs + " ms");
    } finally {
      for (Trickler t : slow) t.socket.close();
    }
  }

  @Test
  void aClientSlowWithItsBodyIsClosed() throws Exception {
    Trickler slow = new Trickler(server.port, "");
    try {
      slow.socket.getOutputStream().write(("POST /api/Counter/doubleServer HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
      long start = System.nanoTime();
      while (elapsedMs(start) < BODY_TIMEOUT_MS + 3000 && !slow.isClosed(elapsedMs(start))) {
        slow.trickle();
        Thread.sleep(100);
      }
      assertTrue(slow.closedAtMs >= BODY_TIMEOUT_MS, "closed at " + slow.closedAtMs + " ms");
    } finally {
      slow.socket.close();
    }
  }

  @Test
  void aKeptAliveConnectionServesRequestsInTimeAndClosesWhenIdle() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port)) {
      socket.setSoTimeout((int) (3 * HEADER_TIMEOUT_MS + 2000));
      String request = "GET /api/Counter/getServerData HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      for (int i = 0; i < 3; i++) {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 405"));
        Thread.sleep(HEADER_TIMEOUT_MS / 2);
      }
      long start = System.nanoTime();
      assertEquals(-1, socket.getInputStream().read());
      long idleMs = elapsedMs(start) + HEADER_TIMEOUT_MS / 2;
      assertTrue(idleMs >= HEADER_TIMEOUT_MS && idleMs <= 2 * HEADER_TIMEOUT_MS + 500, "closed after " + idleMs + " ms idle");
    }
  }

  // Reads one response with a Content-Length body.
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new AssertionError("closed mid-response: " + head);
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
    }
    in.readNBytes(length);
    return head.toString();
  }

  private static boolean allClosed(List<Trickler> slow, long nowMs) {
    boolean all = true;
    for (Trickler t : slow) all &= t.isClosed(nowMs);
    return all;
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
