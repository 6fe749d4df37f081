package dev.verve.examples.probe;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;

import java.util.ArrayDeque;
import java.util.List;

/** The items of a list as a back-pressured stream, then its end or {@code failure}. */
final class ListStream<T> implements ReadStream<T> {

  private final Context context;
  private final ArrayDeque<T> items;
  private final Throwable failure;
  private long demand = Long.MAX_VALUE;
  private boolean done;
  private Handler<T> handler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;

  ListStream(Context context, List<T> items, Throwable failure) {
    this.context = context;
    this.items = new ArrayDeque<>(items);
    this.failure = failure;
  }

  private void emit() {
    while (demand > 0 && handler != null && !items.isEmpty()) {
      if (demand != Long.MAX_VALUE) demand--;
      handler.handle(items.poll());
    }
    if (items.isEmpty() && handler != null && !done) {
      done = true;
      if (failure == null) {
        if (endHandler != null) endHandler.handle(null);
      } else if (exceptionHandler != null) {
        exceptionHandler.handle(failure);
      }
    }
  }

  @Override public ReadStream<T> exceptionHandler(Handler<Throwable> h) { exceptionHandler = h; return this; }
  @Override public ReadStream<T> handler(Handler<T> h) { handler = h; context.runOnContext(v -> emit()); return this; }
  @Override public ReadStream<T> pause() { demand = 0; return this; }
  @Override public ReadStream<T> resume() { return fetch(Long.MAX_VALUE); }

  @Override
  public ReadStream<T> fetch(long amount) {
    demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    context.runOnContext(v -> emit());
    return this;
  }

  @Override public ReadStream<T> endHandler(Handler<Void> h) { endHandler = h; return this; }
}
