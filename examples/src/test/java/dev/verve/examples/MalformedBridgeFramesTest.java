package dev.verve.examples;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A bridge frame whose members have the wrong types (headers a text, a reply address a number) is the
 * sender's mistake: an error frame answers it, nothing is logged as an unhandled exception, and the socket
 * goes on working.
 */
@ExtendWith(NoBlockedThreads.class)
class MalformedBridgeFramesTest {

  /**
   * Frames with members vertx-web's bridge reads before any guard sees them (a {@code type} or an
   * {@code address} that is no text): 1,000 of them get error frames, log no more than one stack trace per
   * cause, and the socket still works.
   */
  @Test
  void framesTheBridgeCannotReadLogOncePerCause() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture = capture(Level.WARNING, logged);
    try (TestServer server = echoServer()) {
      WebSocketClient client = server.vertx.createWebSocketClient();
      LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
      WebSocket socket = bridgeSocket(server, client, frames);
      List<JsonObject> unreadable = List.of(
        new JsonObject().put("type", 5),
        new JsonObject().put("type", "send").put("address", 7).put("body", 1),
        new JsonObject().put("type", "register").put("address", new JsonArray().add(1)));
      for (int i = 0; i < 1000; i++) {
        await(socket.writeTextMessage(unreadable.get(i % unreadable.size()).encode()));
      }
      await(socket.writeTextMessage(new JsonObject().put("type", "send").put("address", "probe.echo")
        .put("body", "still here").put("replyAddress", "reply-1").encode()));
      JsonObject reply = null;
      java.util.Set<String> seen = new java.util.TreeSet<>();
      for (JsonObject f; (f = frames.poll(10, TimeUnit.SECONDS)) != null; ) {
        seen.add(f.encode());
        if ("reply-1".equals(f.getString("address"))) {
          reply = f;
          break;
        }
      }
      assertNotNull(reply, "the socket stopped working");
      assertEquals("still here", reply.getValue("body"));
      // Each unreadable frame is refused with an error frame (vertx-web's own checks, before the guard).
      assertEquals(java.util.Set.of("{\"type\":\"err\",\"body\":\"access_denied\"}",
        "{\"type\":\"err\",\"body\":\"missing_address\"}", reply.encode()), seen);
      await(client.close());
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
    long severe = logged.stream().filter(r -> r.getLevel() == Level.SEVERE).count();
    assertTrue(severe <= 3, severe + " stack traces logged for 1,000 frames of 3 causes: "
      + logged.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
  }

  @Test
  void wrongTypedMembersGetAnErrorFrameAndNoStackTrace() throws Exception {
    List<LogRecord> severe = new CopyOnWriteArrayList<>();
    Handler capture = capture(Level.SEVERE, severe);
    try (TestServer server = echoServer()) {
      WebSocketClient client = server.vertx.createWebSocketClient();
      LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
      WebSocket socket = bridgeSocket(server, client, frames);
      List<JsonObject> malformed = List.of(
        new JsonObject().put("type", "publish").put("address", "probe.echo").put("body", 1).put("headers", "str"),
        new JsonObject().put("type", "send").put("address", "probe.echo").put("body", 1).put("headers", new JsonArray()),
        new JsonObject().put("type", "send").put("address", "probe.echo").put("body", 1).put("replyAddress", 7));
      for (int round = 0; round < 100; round++) {
        for (JsonObject frame : malformed) {
          await(socket.writeTextMessage(frame.encode()));
          JsonObject answer = frames.poll(10, TimeUnit.SECONDS);
          assertNotNull(answer, "no answer to " + frame);
          assertEquals("err", answer.getString("type"), answer.encode());
        }
      }
      // The same socket still works.
      await(socket.writeTextMessage(new JsonObject().put("type", "send").put("address", "probe.echo")
        .put("body", "hello").put("replyAddress", "reply-1").encode()));
      JsonObject reply = frames.poll(10, TimeUnit.SECONDS);
      assertNotNull(reply);
      assertEquals("hello", reply.getValue("body"), reply.encode());
      await(client.close());
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
    assertEquals(List.of(), severe.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
  }

  /** Adds to {@code into} what the root logger gets at {@code level} or above; remove the handler after. */
  private static Handler capture(Level level, List<LogRecord> into) {
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) { if (record.getLevel().intValue() >= level.intValue()) into.add(record); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  /** The demo and the probes, browsers allowed to send to {@code probe.echo}. */
  private static TestServer echoServer() {
    return TestServer.start(ProbeVerticle::new, new JsonObject().put("eventbus.inbound", new JsonArray().add("probe.echo")));
  }

  /** A raw WebSocket on the bridge, every frame it receives put in {@code frames}. */
  private static WebSocket bridgeSocket(TestServer server, WebSocketClient client, LinkedBlockingQueue<JsonObject> frames) {
    WebSocket socket = await(client.connect(server.port, "127.0.0.1", "/eventbus/websocket"));
    socket.handler(buffer -> frames.add(buffer.toJsonObject()));
    return socket;
  }
}
