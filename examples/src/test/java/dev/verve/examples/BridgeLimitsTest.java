package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge's limits: frame size, addresses per socket, address length; the socket survives the last two. */
@ExtendWith(NoBlockedThreads.class)
class BridgeLimitsTest {

  static TestServer server;
  WebSocketClient client;
  WebSocket socket;
  final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject()
      .put("eventbus.outbound", new JsonArray().add("regex:open\\..*"))
      .put("eventbus.maxHandlersPerSocket", 3)
      .put("eventbus.maxAddressLength", 32)
      .put("http.maxWebSocketFrameSize", 1024)
      .put("http.maxWebSocketMessageSize", 4096));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void connect() {
    // The client's own frame limit is larger, so that it sends what the server must refuse.
    client = server.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(65536));
    socket = await(client.connect(server.port, "127.0.0.1", "/eventbus/websocket"));
    socket.handler(buffer -> frames.add(buffer.toJsonObject()));
  }

  @AfterEach
  void disconnect() {
    await(client.close());
  }

  void register(String address) {
    await(socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode()));
  }

  @Test
  void aSocketListeningToTooManyAddressesIsRefusedTheNext() throws InterruptedException {
    for (int i = 0; i < 3; i++) register("open." + i);
    register("open.3");
    JsonObject err = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(err, "no refusal within 10 s");
    assertEquals("err", err.getString("type"));
    assertEquals("max_handlers_reached", err.getString("body"));
    assertSocketWorks();
  }

  @Test
  void anAddressLongerThanTheLimitIsRefused() throws InterruptedException {
    register("open." + "a".repeat(40));
    JsonObject err = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(err, "no refusal within 10 s");
    assertEquals("max_address_length_reached", err.getString("body"));
    assertSocketWorks();
  }

  @Test
  void aFrameLargerThanTheLimitClosesTheSocket() {
    Promise<Short> closed = Promise.promise();
    socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
    socket.writeTextMessage(new JsonObject().put("type", "ping").put("pad", "x".repeat(2000)).encode());
    // Netty drops the connection (1006) rather than answering 1009: either way the frame goes unread.
    Short status = await(closed.future());
    assertTrue(status == 1009 || status == 1006, "close status " + status);
    // Others keep being served.
    assertEquals(200, server.postJson("/api/Counter/getServerData", "{}").statusCode());
  }

  @Test
  void aMessageOverTheLimitInFragmentsClosesTheSocketWith1009AtOnce() throws InterruptedException {
    Promise<Short> closed = Promise.promise();
    socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
    // 900-byte fragments under the 1 KiB frame limit; the 4 KiB message limit is passed at the fifth.
    int sent = 0;
    socket.writeFrame(WebSocketFrame.textFrame("[\"" + "x".repeat(900), false));
    while (!closed.future().isComplete() && sent < 200) {
      socket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("x".repeat(900)), false));
      sent++;
      Thread.sleep(10);
    }
    assertEquals((short) 1009, await(closed.future()));
    assertTrue(sent < 20, "the socket was closed only after " + sent + " more fragments");
    assertEquals(200, server.postJson("/api/Counter/getServerData", "{}").statusCode());
  }

  @Test
  void oversizedMessagesFromManySocketsLogOneStackTraceAMinute() {
    Logger bridgeLog = Logger.getLogger("io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    // Called only for the records that pass the logger's filter, as the console's handler is.
    Handler counter = new Handler() {
      @Override public void publish(LogRecord record) { records.add(record); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    bridgeLog.addHandler(counter);
    try {
      for (int i = 0; i < 10; i++) {
        WebSocket other = await(client.connect(server.port, "127.0.0.1", "/eventbus/websocket"));
        Promise<Short> closed = Promise.promise();
        other.closeHandler(v -> closed.tryComplete(other.closeStatusCode()));
        other.writeFrame(WebSocketFrame.textFrame("[\"" + "x".repeat(900), false));
        for (int f = 0; f < 5; f++) other.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("x".repeat(900)), f == 4));
        assertEquals((short) 1009, await(closed.future()));
      }
      assertTrue(records.size() <= 1, records.size() + " records logged for 10 oversized messages");
    } finally {
      bridgeLog.removeHandler(counter);
    }
  }

  // A ping is not answered; a send to an address that is not inbound is, with access_denied.
  private void assertSocketWorks() throws InterruptedException {
    await(socket.writeTextMessage(new JsonObject().put("type", "send").put("address", "open.x").put("body", 1)
      .put("replyAddress", "r1").encode()));
    JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(frame, "the socket no longer answers");
    assertEquals("access_denied", frame.getString("body"));
  }
}
