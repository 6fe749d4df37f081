package dev.verve.examples.impl;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;

import java.util.function.Supplier;

/**
 * A value every {@code everyMs}, forever: a periodic timer as a stream. While its reader is paused it skips
 * ticks rather than queueing them; {@code handler(null)} or {@link #close()} cancels the timer.
 */
final class Ticks<T> implements ReadStream<T> {

  private final Vertx vertx;
  private final long everyMs;
  private final Supplier<T> value;
  private long timer = -1;
  private long demand = Long.MAX_VALUE;
  private Handler<T> handler;

  Ticks(Vertx vertx, long everyMs, Supplier<T> value) {
    this.vertx = vertx;
    this.everyMs = everyMs;
    this.value = value;
  }

  @Override
  public Ticks<T> handler(Handler<T> handler) {
    this.handler = handler;
    if (handler == null) {
      close();
    } else if (timer < 0) {
      timer = vertx.setPeriodic(everyMs, id -> tick());
    }
    return this;
  }

  private void tick() {
    if (demand == 0 || handler == null) return;
    if (demand != Long.MAX_VALUE) demand--;
    handler.handle(value.get());
  }

  /** Stops the timer for good. */
  public void close() {
    if (timer >= 0) vertx.cancelTimer(timer);
    timer = -1;
  }

  @Override
  public Ticks<T> pause() {
    demand = 0;
    return this;
  }

  @Override
  public Ticks<T> resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public Ticks<T> fetch(long amount) {
    demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    return this;
  }

  @Override
  public Ticks<T> exceptionHandler(Handler<Throwable> handler) {
    return this; // a timer cannot fail
  }

  @Override
  public Ticks<T> endHandler(Handler<Void> endHandler) {
    return this; // never ends by itself
  }
}
