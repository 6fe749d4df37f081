package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerContext;
import dev.verve.auth.CallerHeader;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.serviceproxy.ServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Serves the stream functions of the interfaces registered here, at {@code <address>.streams}: an open
 * request is checked like any call where the function runs (the method, the caller's access, the
 * arguments), then the function is called and its stream handed to a {@link StreamProducer}. A failure
 * before the first item answers the open request, as a call's reply would.
 */
final class StreamServer {

  private final Vertx vertx;
  private final long idleTimeoutMs;
  private final Set<StreamProducer> open = ConcurrentHashMap.newKeySet();

  StreamServer(Vertx vertx, long idleTimeoutMs) {
    this.vertx = vertx;
    this.idleTimeoutMs = idleTimeoutMs;
    StreamFrame.registerCodec(vertx.eventBus());
    StreamSettings.idleTimeout(vertx, idleTimeoutMs);
  }

  /** The consumer of {@code service}'s stream opens, calling {@code implementation}; null when it has no streams. */
  MessageConsumer<JsonObject> register(ServiceDescriptor service, Object implementation) {
    if (service.methods().stream().noneMatch(MethodDescriptor::isStream)) return null;
    return vertx.eventBus().consumer(StreamSettings.openAddress(service.address()),
      message -> onOpen(service, implementation, message));
  }

  private void onOpen(ServiceDescriptor service, Object implementation, Message<JsonObject> message) {
    Object body = ((Message<?>) message).body();
    JsonObject request = body instanceof JsonObject ? (JsonObject) body : null;
    Object name = request == null ? null : request.getValue("method");
    Object args = request == null ? null : request.getValue("args");
    Object reader = request == null ? null : request.getValue("reader");
    Object credit = request == null ? null : request.getValue("credit");
    if (!(name instanceof String) || !(reader instanceof String) || !(credit instanceof Integer) || (Integer) credit < 1) {
      message.reply(new ServiceException(400, "A stream is opened with {method, args, reader, credit}"));
      return;
    }
    MethodDescriptor method = service.method((String) name);
    if (method == null || !method.isStream()) {
      message.reply(new ServiceException(404, service.name() + " has no stream function named '"
        + Names.printable((String) name) + "'"));
      return;
    }
    String what = service.name() + "." + method.name();
    Caller caller = CallerHeader.read(message.headers());
    int refused = method.access().check(caller);
    if (refused != 0) {
      message.reply(new ServiceException(refused, method.access().refusal(what, refused)));
      return;
    }
    if (!(args instanceof JsonObject)) {
      message.reply(new ServiceException(400, "The arguments of " + what + " must be a JSON object keyed by parameter names"));
      return;
    }
    List<MethodDescriptor.ArgumentError> errors = method.validate((JsonObject) args);
    if (!errors.isEmpty()) {
      message.reply(new ServiceException(400, "Invalid arguments for " + what + ": "
        + errors.stream().map(Object::toString).collect(Collectors.joining("; "))));
      return;
    }
    CallerContext.set(vertx.getOrCreateContext(), caller);
    Future<? extends ReadStream<?>> opened;
    try {
      opened = method.open(implementation, (JsonObject) args);
    } catch (RuntimeException e) {
      opened = Future.failedFuture(e);
    }
    if (opened == null) opened = Future.failedFuture(new NullPointerException(what + " returned null"));
    opened.onComplete(ar -> {
      if (ar.failed() || ar.result() == null) {
        message.reply(SafeFailures.of(what, ar.failed() ? ar.cause() : new NullPointerException(what + " gave a null stream")));
        return;
      }
      StreamProducer producer = new StreamProducer(vertx, ar.result(), method, what, (String) reader, idleTimeoutMs, open::remove);
      open.add(producer);
      producer.start(message, (Integer) credit);
    });
  }

  /** The streams this node is sourcing now. */
  int openStreams() {
    return open.size();
  }

  /** Ends every open stream at its reader with a 503 and stops its source. */
  void shutDown() {
    for (StreamProducer producer : new ArrayList<>(open)) producer.shutDown();
  }
}
