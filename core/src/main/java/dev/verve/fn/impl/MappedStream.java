package dev.verve.fn.impl;

import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;

import java.util.function.Function;

/** {@code Streams.map}: the items of a source, mapped; demand and closing go to the source. */
public final class MappedStream<A, B> implements ReadStream<B> {

  private final ReadStream<A> source;
  private final Function<? super A, ? extends B> mapper;

  public MappedStream(ReadStream<A> source, Function<? super A, ? extends B> mapper) {
    this.source = source;
    this.mapper = mapper;
  }

  /** What a stopped stream closes. */
  ReadStream<A> source() {
    return source;
  }

  @Override
  public ReadStream<B> exceptionHandler(Handler<Throwable> handler) {
    source.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<B> handler(Handler<B> handler) {
    source.handler(handler == null ? null : item -> handler.handle(mapper.apply(item)));
    return this;
  }

  @Override
  public ReadStream<B> pause() {
    source.pause();
    return this;
  }

  @Override
  public ReadStream<B> resume() {
    source.resume();
    return this;
  }

  @Override
  public ReadStream<B> fetch(long amount) {
    source.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<B> endHandler(Handler<Void> endHandler) {
    source.endHandler(endHandler);
    return this;
  }
}
