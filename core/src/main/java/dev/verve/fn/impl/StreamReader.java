package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerHeader;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.serviceproxy.ServiceException;

import java.util.ArrayDeque;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reading side of a stream across the event bus. It grants the source {@link #WINDOW} items up front,
 * then grants again as its own reader takes items (by {@link #GRANT}): a paused reader grants
 * nothing, so the source stops within one window, on whichever node it runs. Items wait here only while
 * paused, never more than the window. Silent longer than {@code api.streamIdleTimeout} (no items, no
 * heartbeat: the source's node died), it fails; {@code handler(null)} or {@link #cancel()} stops the source.
 */
public final class StreamReader<T> implements ReadStream<T> {

  /** Items granted at the start: what may be on the way or waiting here at any time. */
  static final int WINDOW = 2048;
  /** Items taken before they are granted again (fewer, larger credit messages). */
  static final int GRANT = 512;

  private final Vertx vertx;
  private final Context context;
  private final Function<Object, T> decoder;
  private final long idleTimeoutMs;
  // The batches received and not yet delivered, and the position in the first one.
  private final ArrayDeque<java.util.List<Object>> queue = new ArrayDeque<>();
  private int position;
  private MessageConsumer<StreamFrame> inbox;
  private String source;
  private long timer = -1;
  private long lastHeard = System.currentTimeMillis();
  private long lastSaid = lastHeard;
  private long demand = Long.MAX_VALUE;
  private int taken;
  private boolean ended;
  private Throwable failure;
  private boolean closed;
  private boolean delivering;
  private Handler<T> handler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;

  private StreamReader(Vertx vertx, Function<Object, T> decoder, long idleTimeoutMs) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.decoder = decoder;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  /**
   * Opens {@code method} of the interface served at {@code address}; {@code caller}, when signed in, goes
   * in the open message (else the current call's caller is forwarded, as for any function call).
   */
  public static <T> Future<ReadStream<T>> open(Vertx vertx, String address, DeliveryOptions options, String method,
                                               JsonObject args, Function<Object, T> decoder) {
    return openAs(vertx, address, options, method, args, decoder, null).map(r -> r);
  }

  static <T> Future<StreamReader<T>> openAs(Vertx vertx, String address, DeliveryOptions options, String method,
                                            JsonObject args, Function<Object, T> decoder, Caller caller) {
    StreamFrame.registerCodec(vertx.eventBus());
    StreamReader<T> reader = new StreamReader<>(vertx, decoder, StreamSettings.idleTimeout(vertx));
    String inboxAddress = "verve.stream." + UUID.randomUUID();
    reader.inbox = vertx.eventBus().consumer(inboxAddress, reader::onFrame);
    // Across a cluster the inbox must be known to every node before the source sends to it.
    return reader.inbox.completion().compose(v -> {
      DeliveryOptions open = options == null ? new DeliveryOptions() : new DeliveryOptions(options);
      if (caller != null && caller.isSignedIn()) open.addHeader(CallerHeader.NAME, caller.toJson().encode());
      JsonObject request = new JsonObject().put("method", method).put("args", args).put("reader", inboxAddress)
        .put("credit", WINDOW);
      return vertx.eventBus().<JsonObject>request(StreamSettings.openAddress(address), request, open);
    }).map(reply -> {
      reader.started(reply);
      return reader;
    }).onFailure(e -> reader.close());
  }

  private void started(Message<JsonObject> reply) {
    source = reply.body().getString("source");
    lastHeard = lastSaid = System.currentTimeMillis();
    timer = vertx.setPeriodic(Math.max(1, idleTimeoutMs / 3), id -> watch());
  }

  private void watch() {
    if (closed) return;
    long now = System.currentTimeMillis();
    if (now - lastHeard > idleTimeoutMs) {
      fail(new ServiceException(504, "The stream's source said nothing for " + idleTimeoutMs + " ms (its node is gone?)"));
      say(StreamFrame.CANCEL_FRAME); // in case it is only slow
      return;
    }
    if (now - lastSaid >= idleTimeoutMs / 3) say(StreamFrame.HEARTBEAT_FRAME);
  }

  private void onFrame(Message<StreamFrame> message) {
    if (closed) return;
    lastHeard = System.currentTimeMillis();
    StreamFrame frame = message.body();
    switch (frame.kind) {
      case StreamFrame.ITEMS:
        if (!frame.items.isEmpty()) queue.add(frame.items);
        break;
      case StreamFrame.END:
        ended = true;
        break;
      case StreamFrame.FAILURE:
        failure = new ServiceException(frame.count, frame.detail);
        break;
      default:
        return; // a heartbeat: heard, nothing to deliver
    }
    deliver();
  }

  private void fail(Throwable cause) {
    failure = cause;
    clearQueue(); // the source is gone: what is queued would end in a failure anyway, tell it now
    deliver();
  }

  private void deliver() {
    if (delivering || closed) return;
    delivering = true;
    try {
      while (demand > 0 && handler != null && !queue.isEmpty() && !closed) {
        java.util.List<Object> batch = queue.peek();
        Object json = batch.get(position++);
        if (position == batch.size()) {
          queue.poll();
          position = 0;
        }
        if (demand != Long.MAX_VALUE) demand--;
        taken++;
        T item;
        try {
          item = decoder.apply(json);
        } catch (RuntimeException e) {
          cancel();
          Handler<Throwable> h = exceptionHandler;
          if (h != null) h.handle(new ServiceException(502, "A stream item could not be decoded: " + e));
          return;
        }
        handler.handle(item);
      }
      if (closed) return;
      if (taken >= GRANT && source != null && failure == null && !ended) {
        say(StreamFrame.credit(taken));
        taken = 0;
      }
      if (queue.isEmpty() && (ended || failure != null)) {
        Throwable cause = failure;
        close();
        if (cause == null) {
          Handler<Void> h = endHandler;
          if (h != null) h.handle(null);
        } else {
          Handler<Throwable> h = exceptionHandler;
          if (h != null) h.handle(cause);
        }
      }
    } finally {
      delivering = false;
    }
  }

  private void say(StreamFrame frame) {
    if (source == null) return;
    lastSaid = System.currentTimeMillis();
    vertx.eventBus().send(source, frame);
  }

  /** Stops the source (it is told to stop and close) and this reader; nothing more is delivered. */
  public void cancel() {
    if (closed) return;
    if (!ended && failure == null) say(StreamFrame.CANCEL_FRAME);
    close();
  }

  private void close() {
    if (closed) return;
    closed = true;
    clearQueue();
    if (timer >= 0) vertx.cancelTimer(timer);
    if (inbox != null) inbox.unregister();
  }

  private void clearQueue() {
    queue.clear();
    position = 0;
  }

  @Override
  public StreamReader<T> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public StreamReader<T> handler(Handler<T> handler) {
    this.handler = handler;
    if (handler == null) {
      cancel(); // as for a MessageConsumer: no handler, no stream
    } else {
      runHere(this::deliver);
    }
    return this;
  }

  @Override
  public StreamReader<T> pause() {
    demand = 0;
    return this;
  }

  @Override
  public StreamReader<T> resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public StreamReader<T> fetch(long amount) {
    if (amount > 0) {
      demand += amount;
      if (demand < 0) demand = Long.MAX_VALUE;
      runHere(this::deliver);
    }
    return this;
  }

  @Override
  public StreamReader<T> endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  // The inbox delivers on the context the stream was opened from; calls from elsewhere hop there.
  private void runHere(Runnable action) {
    if (Vertx.currentContext() == context) action.run();
    else context.runOnContext(v -> action.run());
  }
}
