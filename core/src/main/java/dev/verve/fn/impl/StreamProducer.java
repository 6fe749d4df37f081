package dev.verve.fn.impl;

import dev.verve.fn.MethodDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.streams.ReadStream;
import io.vertx.serviceproxy.ServiceException;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The source side of a stream across the event bus: it asks its {@code ReadStream} for as many items as the
 * reader granted ({@code fetch}), never more, and sends them in batches. A reader silent longer than
 * {@code api.streamIdleTimeout} (its node died) or a cancellation stops the source and closes it when it
 * can: a {@code MessageConsumer} is unregistered, anything with a {@code close()} (a {@code RowStream}'s
 * cursor) is closed.
 */
final class StreamProducer {

  private static final Logger LOG = Logger.getLogger(StreamProducer.class.getName());
  /** Items sent in one message at most; fewer when the source has no more right now. */
  private static final int BATCH = 512;

  private final Vertx vertx;
  private final ReadStream<Object> source;
  private final MethodDescriptor method;
  private final String what;
  private final String reader;
  private final long idleTimeoutMs;
  private final Consumer<StreamProducer> onClosed;
  private MessageConsumer<StreamFrame> control;
  private List<Object> batch = new ArrayList<>(BATCH);
  private boolean flushScheduled;
  private boolean closed;
  private long timer = -1;
  private long lastHeard = System.currentTimeMillis();
  private long lastSaid = lastHeard;

  @SuppressWarnings("unchecked")
  StreamProducer(Vertx vertx, ReadStream<?> source, MethodDescriptor method, String what, String reader,
                 long idleTimeoutMs, Consumer<StreamProducer> onClosed) {
    this.vertx = vertx;
    this.source = (ReadStream<Object>) source;
    this.method = method;
    this.what = what;
    this.reader = reader;
    this.idleTimeoutMs = idleTimeoutMs;
    this.onClosed = onClosed;
  }

  /** Answers the open request with this source's control address, then lets {@code credit} items flow. */
  void start(Message<?> open, int credit) {
    try {
      source.pause();
      source.handler(this::onItem);
      source.endHandler(v -> finish(StreamFrame.END_FRAME));
      source.exceptionHandler(this::onFailure);
    } catch (RuntimeException e) {
      stopSource();
      open.reply(SafeFailures.of(what, e));
      return;
    }
    control = vertx.eventBus().consumer("verve.stream." + UUID.randomUUID(), this::onControl);
    control.completion().onComplete(ar -> {
      if (ar.failed()) {
        stopSource();
        open.fail(503, "The stream could not be opened");
        return;
      }
      open.reply(new io.vertx.core.json.JsonObject().put("source", control.address()));
      timer = vertx.setPeriodic(Math.max(1, idleTimeoutMs / 3), id -> watch());
      source.fetch(credit);
    });
  }

  private void onItem(Object item) {
    if (closed) return;
    try {
      batch.add(method.itemToJson(item));
    } catch (RuntimeException e) {
      onFailure(e);
      return;
    }
    if (batch.size() >= BATCH) {
      flush();
    } else if (!flushScheduled) {
      // What the source gives in one go leaves as one message, at the end of this turn of the event loop.
      flushScheduled = true;
      vertx.runOnContext(v -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  private void flush() {
    if (batch.isEmpty() || closed) return;
    List<Object> items = batch;
    batch = new ArrayList<>(BATCH);
    say(StreamFrame.items(items));
  }

  private void onFailure(Throwable error) {
    ServiceException safe = SafeFailures.of(what, error);
    finish(StreamFrame.failure(safe.failureCode() >= 400 ? safe.failureCode() : 500, safe.getMessage()));
  }

  private void finish(StreamFrame last) {
    if (closed) return;
    flush();
    say(last);
    close();
  }

  private void onControl(Message<StreamFrame> message) {
    if (closed) return;
    lastHeard = System.currentTimeMillis();
    StreamFrame frame = message.body();
    if (frame.kind == StreamFrame.CREDIT) {
      source.fetch(frame.count);
    } else if (frame.kind == StreamFrame.CANCEL) {
      stopSource();
      close();
    }
  }

  private void watch() {
    if (closed) return;
    long now = System.currentTimeMillis();
    if (now - lastHeard > idleTimeoutMs) {
      LOG.fine(() -> what + ": the reader of a stream said nothing for " + idleTimeoutMs + " ms; its source is stopped");
      stopSource();
      close();
      return;
    }
    if (now - lastSaid >= idleTimeoutMs / 3) say(StreamFrame.HEARTBEAT_FRAME);
  }

  private void say(StreamFrame frame) {
    lastSaid = System.currentTimeMillis();
    vertx.eventBus().send(reader, frame);
  }

  /** Ends the stream at its reader with a failure (the node is shutting down) and stops the source. */
  void shutDown() {
    if (closed) return;
    flush();
    say(StreamFrame.failure(503, "The server is shutting down; open the stream again"));
    stopSource();
    close();
  }

  private void close() {
    if (closed) return;
    closed = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    if (control != null) control.unregister();
    onClosed.accept(this);
  }

  // Stopped: no more items asked for or taken; closed where the source can be (a cursor, a consumer).
  private void stopSource() {
    try {
      source.pause();
      source.handler(null);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, what + ": stopping a stream's source", e);
    }
    closeSource(source, what);
  }

  static void closeSource(Object source, String what) {
    try {
      if (source instanceof MappedStream) {
        closeSource(((MappedStream<?, ?>) source).source(), what);
        return;
      }
      if (source instanceof MessageConsumer) {
        ((MessageConsumer<?>) source).unregister();
        return;
      }
      Method close = publicClose(source.getClass());
      if (close != null) {
        Object result = close.invoke(source);
        if (result instanceof Future) {
          ((Future<?>) result).onFailure(e -> LOG.log(Level.FINE, what + ": closing a stream's source", e));
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, what + ": closing a stream's source", e);
    }
  }

  // Through a public interface (a RowStream's close()), since the implementing class may not be accessible.
  private static Method publicClose(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        Method found = closeOf(i);
        if (found != null) return found;
      }
    }
    return null;
  }

  private static Method closeOf(Class<?> iface) {
    try {
      return iface.getMethod("close");
    } catch (NoSuchMethodException e) {
      for (Class<?> parent : iface.getInterfaces()) {
        Method found = closeOf(parent);
        if (found != null) return found;
      }
      return null;
    }
  }
}
