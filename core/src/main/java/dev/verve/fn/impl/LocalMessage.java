package dev.verve.fn.impl;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * A function call handed to the generated service handler in-process, without the event bus: the handler
 * reads the arguments and the {@code action} header from it and answers with {@link #reply}, exactly as it
 * would a message. Its reply is the {@link LocalCall}'s to deliver. Replies are plain messages (no call).
 */
final class LocalMessage<T> implements Message<T> {

  private final String address;
  private MultiMap headers;
  private final T body;
  private final LocalCall call;

  LocalMessage(String address, MultiMap headers, T body, LocalCall call) {
    this.address = address;
    this.headers = headers;
    this.body = body;
    this.call = call;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public MultiMap headers() {
    // A reply's headers are made only if someone asks: nobody on the HTTP side does.
    if (headers == null) headers = MultiMap.caseInsensitiveMultiMap();
    return headers;
  }

  @Override
  public T body() {
    return body;
  }

  @Override
  public String replyAddress() {
    return null;
  }

  @Override
  public boolean isSend() {
    return true;
  }

  @Override
  public void reply(Object message) {
    if (call != null) call.reply(message);
  }

  @Override
  public void reply(Object message, DeliveryOptions options) {
    reply(message);
  }

  @Override
  public <R> Future<Message<R>> replyAndRequest(Object message, DeliveryOptions options) {
    return Future.failedFuture(new UnsupportedOperationException("a server function's reply is not a request"));
  }
}
