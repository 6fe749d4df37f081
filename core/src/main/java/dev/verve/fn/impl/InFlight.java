package dev.verve.fn.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the function calls being served, so that closing can wait for them to finish. */
final class InFlight {

  private final AtomicInteger count = new AtomicInteger();
  private volatile Promise<Void> idle;

  void begin() {
    count.incrementAndGet();
  }

  void end() {
    if (count.decrementAndGet() == 0) {
      Promise<Void> p = idle;
      if (p != null) p.tryComplete();
    }
  }

  /** Completes once no call is being served, or after {@code timeoutMs}. */
  Future<Void> whenIdle(Vertx vertx, long timeoutMs) {
    Promise<Void> p = Promise.promise();
    idle = p;
    if (count.get() == 0) p.tryComplete();
    long timer = vertx.setTimer(timeoutMs, t -> p.tryComplete());
    return p.future().andThen(ar -> vertx.cancelTimer(timer));
  }

  int count() {
    return count.get();
  }
}
