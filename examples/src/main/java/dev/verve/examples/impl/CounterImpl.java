package dev.verve.examples.impl;

import dev.verve.examples.Counter;
import dev.verve.fn.InvalidArguments;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;

public class CounterImpl implements Counter {

  private final Vertx vertx;

  public CounterImpl(Vertx vertx) {
    this.vertx = vertx;
  }

  // tag::counter-impl[]
  @Override
  public Future<Integer> doubleServer(int number) {
    // A timer, not a sleep: the event loop serves other calls during the "work".
    return vertx.timer(1000).map(v -> number * 2);
  }

  @Override
  public Future<String> getServerData() {
    return Future.succeededFuture("Hello from the server!");
  }
  // end::counter-impl[]

  @Override
  public Future<Integer> highFive() {
    // A cluster-wide counter: every function node adds to the same total.
    return vertx.sharedData().getCounter(TOTAL_ADDRESS)
      .compose(io.vertx.core.shareddata.Counter::incrementAndGet)
      .map(Long::intValue)
      .onSuccess(total -> vertx.eventBus().publish(TOTAL_ADDRESS, total));
  }

  @Override
  public Future<Integer> highFives() {
    return vertx.sharedData().getCounter(TOTAL_ADDRESS).compose(io.vertx.core.shareddata.Counter::get).map(Long::intValue);
  }

  // tag::count-impl[]
  @Override
  public Future<ReadStream<Integer>> count(int to) {
    // Known before the first item: refused like any call (400), no stream opened.
    if (to < 1 || to > MAX_COUNT) {
      return InvalidArguments.fail("to", "Count to 1.." + MAX_COUNT + ", not " + to);
    }
    return Future.succeededFuture(new CountStream(vertx.getOrCreateContext(), to));
  }
  // end::count-impl[]
}
