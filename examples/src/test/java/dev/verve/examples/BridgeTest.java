package dev.verve.examples;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge's raw WebSocket, frame by frame: permitted, refused, reply, failure. */
@ExtendWith(NoBlockedThreads.class)
class BridgeTest {

  static TestServer server;
  WebSocketClient client;
  WebSocket socket;
  final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() {
    // A regex that matches everything, to prove it never opens a function's address.
    server = TestServer.start(ProbeVerticle::new, new JsonObject()
      .put("eventbus.inbound", new JsonArray().add("probe.echo").add("regex:.*")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void connect() {
    client = server.vertx.createWebSocketClient();
    socket = await(client.connect(server.port, "127.0.0.1", "/eventbus/websocket"));
    socket.handler(buffer -> frames.add(buffer.toJsonObject()));
  }

  @AfterEach
  void disconnect() {
    await(client.close());
  }

  void send(JsonObject frame) {
    await(socket.writeTextMessage(frame.encode()));
  }

  JsonObject next() throws InterruptedException {
    JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(frame, "no frame within 10 s");
    return frame;
  }

  @Test
  void aPermittedAddressDeliversPublishedMessages() throws Exception {
    send(new JsonObject().put("type", "register").put("address", "counter.total"));
    // Registration is confirmed only by messages: publish until one arrives.
    JsonObject frame = null;
    for (int i = 0; i < 50 && frame == null; i++) {
      server.postJson("/api/Counter/highFive", "{}");
      frame = frames.poll(100, TimeUnit.MILLISECONDS);
    }
    assertNotNull(frame);
    assertEquals("rec", frame.getString("type"));
    assertEquals("counter.total", frame.getString("address"));
    assertTrue(frame.getInteger("body") > 0);
  }

  @Test
  void anUnlistedAddressIsRefusedAndTheSocketKeepsWorking() throws Exception {
    send(new JsonObject().put("type", "register").put("address", "not.listed"));
    JsonObject err = next();
    assertEquals("err", err.getString("type"));
    assertEquals("access_denied", err.getString("body"));
    sendAndExpectReply();
  }

  @Test
  void aFunctionsAddressIsNeverOpenedByARegex() throws Exception {
    send(new JsonObject().put("type", "send").put("address", Counter.class.getName())
      .put("headers", new JsonObject().put("action", "getServerData")).put("body", new JsonObject())
      .put("replyAddress", "r1"));
    JsonObject err = next();
    assertEquals("err", err.getString("type"));
    send(new JsonObject().put("type", "register").put("address", Counter.class.getName()));
    assertEquals("err", next().getString("type"));
  }

  @Test
  void aSendGetsItsReply() throws Exception {
    sendAndExpectReply();
  }

  @Test
  void aFailingConsumerAnswersWithAFailureFrame() throws Exception {
    send(new JsonObject().put("type", "send").put("address", "probe.echo").put("body", "fail").put("replyAddress", "r2"));
    JsonObject err = next();
    assertEquals("err", err.getString("type"));
    assertEquals(418, err.getInteger("failureCode"));
    assertEquals("teapot", err.getString("message"));
  }

  @Test
  void aForeignOriginCannotConnect() {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setPort(server.port).setHost("127.0.0.1")
      .setURI("/eventbus/websocket").addHeader("Origin", "https://evil.example");
    Future<WebSocket> refused = client.connect(options);
    assertThrows(Exception.class, () -> await(refused));
  }

  private void sendAndExpectReply() throws InterruptedException {
    send(new JsonObject().put("type", "send").put("address", "probe.echo").put("body", "hello").put("replyAddress", "r3"));
    JsonObject reply = next();
    assertEquals("rec", reply.getString("type"), reply.encode());
    assertEquals("r3", reply.getString("address"));
    assertEquals("hello", reply.getString("body"));
  }
}
