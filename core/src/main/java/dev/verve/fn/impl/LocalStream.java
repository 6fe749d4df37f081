package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerContext;
import dev.verve.fn.MethodDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

/**
 * A stream function served by the same instance that answers the HTTP request, read in process: no event
 * bus, no credit, the source paused and resumed by the answer's own back-pressure. Its items become JSON
 * here, and its failures what a caller may see ({@link SafeFailures}), as across the bus.
 */
final class LocalStream implements ReadStream<Object> {

  private final ReadStream<Object> source;
  private final MethodDescriptor method;
  private final String what;
  private boolean stopped;

  private LocalStream(ReadStream<Object> source, MethodDescriptor method, String what) {
    this.source = source;
    this.method = method;
    this.what = what;
  }

  /** Calls the function as {@code caller} (access and arguments were checked by the HTTP handler). */
  @SuppressWarnings("unchecked")
  static Future<LocalStream> open(Object implementation, MethodDescriptor method, JsonObject args, Caller caller, String what) {
    CallerContext.set(Vertx.currentContext(), caller);
    Future<? extends ReadStream<?>> opened;
    try {
      opened = method.open(implementation, args);
    } catch (RuntimeException e) {
      opened = Future.failedFuture(e);
    }
    if (opened == null) opened = Future.failedFuture(new NullPointerException(what + " returned null"));
    return opened.transform(ar -> {
      if (ar.failed() || ar.result() == null) {
        return Future.failedFuture(SafeFailures.of(what, ar.failed() ? ar.cause() : new NullPointerException(what + " gave a null stream")));
      }
      return Future.succeededFuture(new LocalStream((ReadStream<Object>) ar.result(), method, what));
    });
  }

  /** Stops the source and closes it where it can be (a cursor, a consumer). */
  void cancel() {
    if (stopped) return;
    stopped = true;
    try {
      source.pause();
      source.handler(null);
    } catch (RuntimeException ignored) {
      // stopping is all that is wanted; closing below still runs
    }
    StreamProducer.closeSource(source, what);
  }

  @Override
  public ReadStream<Object> handler(Handler<Object> handler) {
    source.handler(handler == null ? null : item -> {
      Object json;
      try {
        json = method.itemToJson(item);
      } catch (RuntimeException e) {
        cancel();
        Handler<Throwable> failed = exceptionHandler;
        if (failed != null) failed.handle(SafeFailures.of(what, e));
        return;
      }
      handler.handle(json);
    });
    return this;
  }

  private Handler<Throwable> exceptionHandler;

  @Override
  public ReadStream<Object> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    source.exceptionHandler(handler == null ? null : e -> handler.handle(SafeFailures.of(what, e)));
    return this;
  }

  @Override
  public ReadStream<Object> pause() {
    source.pause();
    return this;
  }

  @Override
  public ReadStream<Object> resume() {
    source.resume();
    return this;
  }

  @Override
  public ReadStream<Object> fetch(long amount) {
    source.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<Object> endHandler(Handler<Void> endHandler) {
    source.endHandler(endHandler);
    return this;
  }
}
