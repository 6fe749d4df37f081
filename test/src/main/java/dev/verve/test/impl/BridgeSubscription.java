package dev.verve.test.impl;

import dev.verve.test.BusSubscription;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bridge WebSocket registered on one address. The bridge acknowledges no registration, but it handles a
 * socket's frames in order and Verve's guard decides at once: so a probe sent right after the registration,
 * a {@code send} without an address (answered {@code err missing_address}, before any guard), answers after
 * the registration is in place. An error frame before the probe's is the registration's refusal.
 */
final class BridgeSubscription implements BusSubscription {

  static final String PATH = "/eventbus/websocket";
  private static final String PROBE_ANSWER = "missing_address";
  private static final long WAIT_SECONDS = 10;
  // Vert.x's bridge closes a socket that sent no ping for 10 s; verve.js pings every 5 s.
  private static final long PING_MS = 5000;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final LinkedBlockingQueue<JsonObject> errors = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<Object> bodies = new LinkedBlockingQueue<>();
  private final List<Object> received = new CopyOnWriteArrayList<>();
  private volatile boolean socketClosed;
  private volatile long pings = -1;

  private BridgeSubscription(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createWebSocketClient();
  }

  /** Registers on {@code address} with the {@code cookie} header of a browser ({@code null}: anonymous). */
  static BridgeSubscription open(Vertx vertx, int port, String address, String cookie) {
    BridgeSubscription subscription = new BridgeSubscription(vertx);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(PATH);
    if (cookie != null && !cookie.isEmpty()) options.addHeader("Cookie", cookie);
    try {
      WebSocket socket = RunningApp.wait(subscription.client.connect(options));
      // Server frames arrive binary, UTF-8 JSON.
      socket.handler(buffer -> subscription.frame(buffer.toJsonObject()));
      socket.closeHandler(v -> subscription.socketClosed = true);
      RunningApp.wait(socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode()));
      RunningApp.wait(socket.writeTextMessage(new JsonObject().put("type", "send").encode()));
      subscription.awaitRegistration(address);
      subscription.pings = vertx.setPeriodic(PING_MS, id -> socket.writeTextMessage("{\"type\":\"ping\"}"));
    } catch (RuntimeException | AssertionError e) {
      subscription.close();
      throw e;
    }
    return subscription;
  }

  private void frame(JsonObject frame) {
    String type = frame.getString("type");
    if ("err".equals(type)) {
      errors.add(frame);
    } else if ("rec".equals(type)) {
      Object body = frame.getValue("body");
      received.add(body);
      bodies.add(body);
    }
  }

  private void awaitRegistration(String address) {
    List<String> refusals = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      JsonObject error = poll(errors, deadline);
      if (error == null) {
        throw new AssertionError("The bridge did not answer the registration on " + address + " within "
          + WAIT_SECONDS + " s" + (socketClosed ? ": it closed the socket" : ""));
      }
      String body = String.valueOf(error.getValue("body"));
      if (body.equals(PROBE_ANSWER)) break;
      refusals.add(body);
    }
    if (!refusals.isEmpty()) {
      throw new AssertionError("The bridge refused to deliver " + address + " (" + String.join(", ", refusals)
        + "): is it in eventbus.outbound, and may this caller have it?");
    }
  }

  @Override
  public Object next() {
    Object body = poll(bodies, System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
    if (body == null) {
      throw new AssertionError("Nothing was delivered within " + WAIT_SECONDS + " s"
        + (socketClosed ? " (the bridge closed the socket)" : ""));
    }
    return body;
  }

  // Polled in slices, so a socket the bridge closed fails now rather than at the deadline.
  private <T> T poll(LinkedBlockingQueue<T> queue, long deadline) {
    try {
      while (true) {
        T item = queue.poll(50, TimeUnit.MILLISECONDS);
        if (item != null || System.nanoTime() > deadline) return item;
        if (socketClosed && queue.isEmpty()) return null;
      }
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
    if (pings >= 0) vertx.cancelTimer(pings);
    RunningApp.wait(client.close());
  }
}
