package dev.verve.test.impl;

import dev.verve.test.BusSubscription;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bridge WebSocket registered on one address. The bridge confirms no registration; it handles a socket's
 * frames in order, so a frame it must refuse, sent right after, answers once the registration is done: a
 * refusal then is the probe's alone, two are the registration's too.
 */
final class BridgeSubscription implements BusSubscription {

  private static final String PROBE = "verve.test.probe.never.allowed";
  private static final long SECOND_REFUSAL_MS = 300;

  private final WebSocketClient client;
  private final LinkedBlockingQueue<JsonObject> refusals = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Object> bodies = new LinkedBlockingQueue<>();
  private final List<Object> received = new CopyOnWriteArrayList<>();

  private BridgeSubscription(WebSocketClient client) {
    this.client = client;
  }

  static BridgeSubscription open(RunningApp app, String address, String cookie) {
    BridgeSubscription subscription = new BridgeSubscription(app.vertx().createWebSocketClient());
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port())
      .setURI("/eventbus/websocket");
    if (cookie != null && !cookie.isEmpty()) options.addHeader("Cookie", cookie);
    try {
      WebSocket socket = RunningApp.wait(subscription.client.connect(options));
      socket.handler(buffer -> subscription.frame(buffer.toJsonObject()));
      RunningApp.wait(socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode()));
      RunningApp.wait(socket.writeTextMessage(new JsonObject().put("type", "send").put("address", PROBE)
        .put("body", "probe").put("replyAddress", "verve.test.probe.reply").encode()));
      subscription.awaitRegistration(address);
    } catch (RuntimeException | AssertionError e) {
      subscription.close();
      throw e;
    }
    return subscription;
  }

  private void frame(JsonObject frame) {
    if ("err".equals(frame.getString("type"))) {
      refusals.add(frame);
    } else if ("rec".equals(frame.getString("type"))) {
      Object body = frame.getValue("body");
      received.add(body);
      bodies.add(body);
    }
  }

  private void awaitRegistration(String address) {
    try {
      JsonObject first = refusals.poll(10, TimeUnit.SECONDS);
      if (first == null) throw new AssertionError("The bridge did not answer within 10 s");
      JsonObject second = refusals.poll(SECOND_REFUSAL_MS, TimeUnit.MILLISECONDS);
      if (second != null) {
        throw new AssertionError("The bridge refused to deliver " + address + " (" + first.getValue("body")
          + "): is it in eventbus.outbound, and may this caller have it?");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public Object next() {
    try {
      Object body = bodies.poll(10, TimeUnit.SECONDS);
      if (body == null) throw new AssertionError("Nothing was delivered within 10 s");
      return body;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public List<Object> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    client.close();
  }
}
