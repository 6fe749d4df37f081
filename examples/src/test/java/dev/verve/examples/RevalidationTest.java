package dev.verve.examples;

import dev.verve.examples.probe.Probe;
import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages that reach a function without going through HTTP (written straight onto the event bus, or let
 * through by a bridge configured to admit a function's address) are validated where the function runs:
 * a 400 failure naming the argument, never a {@code ClassCastException} or a 500.
 */
@ExtendWith(NoBlockedThreads.class)
class RevalidationTest {

  static final String PROBE = ServiceDescriptor.of(Probe.class).address();
  static TestServer server;

  @BeforeAll
  static void start() {
    // A misconfiguration: the browser may send to a function's address directly.
    server = TestServer.start(ProbeVerticle::new, new JsonObject().put("eventbus.inbound", new JsonArray().add(PROBE)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  Future<Object> send(String action, Object body) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(5000);
    if (action != null) options.addHeader("action", action);
    return server.vertx.eventBus().request(PROBE, body, options).map(m -> m.body());
  }

  ReplyException failure(Future<Object> call) {
    return assertThrows(ReplyException.class, () -> await(call));
  }

  @Test
  void aWellFormedMessageIsServed() {
    assertEquals("hi", await(send("echo", new JsonObject().put("text", "hi"))));
  }

  @Test
  void aWrongTypeIs400() {
    ReplyException refused = failure(send("echo", new JsonObject().put("text", 42)));
    assertEquals(400, refused.failureCode());
    assertTrue(refused.getMessage().contains("'text' must be a string"), refused.getMessage());
    assertEquals(400, failure(send("failWith", new JsonObject().put("code", 2.7).put("message", "m"))).failureCode());
    assertEquals(400, failure(send("failWith", new JsonObject().put("code", "500").put("message", "m"))).failureCode());
  }

  @Test
  void aMissingArgumentIs400() {
    ReplyException refused = failure(send("failWith", new JsonObject().put("message", "m")));
    assertEquals(400, refused.failureCode());
    assertTrue(refused.getMessage().contains("'code' is required"), refused.getMessage());
  }

  @Test
  void anUnknownArgumentIs400() {
    assertEquals(400, failure(send("echo", new JsonObject().put("text", "hi").put("extra", 1))).failureCode());
  }

  @Test
  void aBodyThatIsNotAnObjectIs400() {
    assertEquals(400, failure(send("echo", "text")).failureCode());
    assertEquals(400, failure(send("echo", new JsonArray().add("text"))).failureCode());
  }

  @Test
  void anUnknownOrMissingActionIs404() {
    assertEquals(404, failure(send("nope", new JsonObject())).failureCode());
    assertEquals(404, failure(send(null, new JsonObject())).failureCode());
  }

  @Test
  void theBridgeGets400ForAWrongTypeToo() throws InterruptedException {
    WebSocketClient client = server.vertx.createWebSocketClient();
    try {
      WebSocket socket = await(client.connect(server.port, "127.0.0.1", "/eventbus/websocket"));
      LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
      socket.handler(buffer -> frames.add(buffer.toJsonObject()));
      await(socket.writeTextMessage(new JsonObject().put("type", "send").put("address", PROBE)
        .put("headers", new JsonObject().put("action", "echo")).put("body", new JsonObject().put("text", new JsonArray().add(1)))
        .put("replyAddress", "r1").encode()));
      JsonObject err = frames.poll(10, TimeUnit.SECONDS);
      assertNotNull(err);
      assertEquals("err", err.getString("type"), err.encode());
      assertEquals(400, err.getInteger("failureCode"), err.encode());
    } finally {
      await(client.close());
    }
  }
}
