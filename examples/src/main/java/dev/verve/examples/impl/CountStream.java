package dev.verve.examples.impl;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;

/**
 * The integers 1..{@code to} as a back-pressured {@code ReadStream}: it emits only what its reader asked
 * for ({@code fetch}), and yields the event loop every {@link #SLICE} items so a long count never blocks it.
 * The shape of any source written by hand; a database cursor ({@code RowStream}) or a {@code MessageConsumer}
 * is one already.
 */
// tag::count-stream[]
final class CountStream implements ReadStream<Integer> {

  private static final int SLICE = 1024;

  private final Context context;
  private final int to;
  private int next = 1;
  private long demand = Long.MAX_VALUE;
  private boolean scheduled;
  private Handler<Integer> handler;
  private Handler<Void> endHandler;

  CountStream(Context context, int to) {
    this.context = context;
    this.to = to;
  }

  private void emit() {
    scheduled = false;
    for (int n = 0; n < SLICE && demand > 0 && handler != null && next <= to; n++) {
      if (demand != Long.MAX_VALUE) demand--;
      handler.handle(next++);
    }
    if (next > to && handler != null) {
      Handler<Void> end = endHandler;
      handler = null;
      if (end != null) end.handle(null);
    } else if (demand > 0 && handler != null) {
      schedule(); // more to give: after other work on this event loop
    }
  }

  private void schedule() {
    if (!scheduled) {
      scheduled = true;
      context.runOnContext(v -> emit());
    }
  }

  @Override
  public CountStream handler(Handler<Integer> handler) {
    this.handler = handler;
    if (handler != null) schedule();
    return this;
  }

  @Override
  public CountStream pause() {
    demand = 0;
    return this;
  }

  @Override
  public CountStream resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public CountStream fetch(long amount) {
    demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    schedule();
    return this;
  }

  @Override
  public CountStream endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  @Override
  public CountStream exceptionHandler(Handler<Throwable> handler) {
    return this; // counting cannot fail
  }
}
// end::count-stream[]
