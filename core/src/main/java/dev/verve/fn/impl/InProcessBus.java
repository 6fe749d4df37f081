package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerContext;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.MessageConsumerOptions;
import io.vertx.core.eventbus.MessageProducer;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event bus as the proxy of a function registered in this verticle sees it: a request to the function's
 * node-local address, made on the event loop the function runs on, is handed in process to the handler
 * vertx-service-proxy generated (the one its consumers use), after the same checks the consumer makes (the
 * arguments against the descriptor, the access rule for the current caller): no message, no reply address,
 * no copy, no send timer. The proxy converts arguments and results as it always does, so a page's call
 * answers exactly what the bus would. Any other request, and everything else, goes to the real event bus.
 */
final class InProcessBus implements EventBus {

  private final EventBus bus;
  private final String localAddress;
  private final ServiceDescriptor service;
  private final LocalFunctions local;

  InProcessBus(EventBus bus, String localAddress, ServiceDescriptor service, LocalFunctions local) {
    this.bus = bus;
    this.localAddress = localAddress;
    this.service = service;
    this.local = local;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Future<Message<T>> request(String address, Object message, DeliveryOptions options) {
    if (address.equals(localAddress) && message instanceof JsonObject && options.getHeaders() != null) {
      String action = options.getHeaders().get("action");
      MethodDescriptor method = action == null ? null : service.method(action);
      Context context = Vertx.currentContext();
      if (method != null && context != null && local.servesHere(service)) {
        // In the consumer's order (CallCheck): the access rule, then the arguments, each checked once.
        Caller caller = CallerContext.get(context);
        int refused = method.access().check(caller);
        if (refused != 0) {
          return ServiceException.fail(refused, method.access().refusal(service.name() + "." + method.name(), refused));
        }
        List<MethodDescriptor.ArgumentError> errors = method.validate((JsonObject) message);
        if (!errors.isEmpty()) {
          return ServiceException.fail(400, "Invalid arguments for " + service.name() + "." + method.name() + ": "
            + errors.stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        Future<Message<Object>> answer = local.run(service, method, (JsonObject) message, caller);
        if (answer != null) return (Future<Message<T>>) (Future<?>) answer;
      }
    }
    return bus.request(address, message, options);
  }

  // Everything else is the real event bus's.

  @Override public EventBus send(String address, Object message) { return bus.send(address, message); }
  @Override public EventBus send(String address, Object message, DeliveryOptions options) { return bus.send(address, message, options); }
  @Override public EventBus publish(String address, Object message) { return bus.publish(address, message); }
  @Override public EventBus publish(String address, Object message, DeliveryOptions options) { return bus.publish(address, message, options); }
  @Override public <T> MessageConsumer<T> consumer(MessageConsumerOptions options) { return bus.consumer(options); }
  @Override public <T> MessageConsumer<T> consumer(MessageConsumerOptions options, Handler<Message<T>> handler) { return bus.consumer(options, handler); }
  @Override public <T> MessageConsumer<T> consumer(String address) { return bus.consumer(address); }
  @Override public <T> MessageConsumer<T> consumer(String address, Handler<Message<T>> handler) { return bus.consumer(address, handler); }
  @Override public <T> MessageConsumer<T> localConsumer(String address) { return bus.localConsumer(address); }
  @Override public <T> MessageConsumer<T> localConsumer(String address, Handler<Message<T>> handler) { return bus.localConsumer(address, handler); }
  @Override public <T> MessageProducer<T> sender(String address) { return bus.sender(address); }
  @Override public <T> MessageProducer<T> sender(String address, DeliveryOptions options) { return bus.sender(address, options); }
  @Override public <T> MessageProducer<T> publisher(String address) { return bus.publisher(address); }
  @Override public <T> MessageProducer<T> publisher(String address, DeliveryOptions options) { return bus.publisher(address, options); }
  @Override @SuppressWarnings("rawtypes") public EventBus registerCodec(MessageCodec codec) { return bus.registerCodec(codec); }
  @Override public EventBus unregisterCodec(String name) { return bus.unregisterCodec(name); }
  @Override public <T> EventBus registerDefaultCodec(Class<T> type, MessageCodec<T, ?> codec) { return bus.registerDefaultCodec(type, codec); }
  @Override @SuppressWarnings("rawtypes") public EventBus unregisterDefaultCodec(Class type) { return bus.unregisterDefaultCodec(type); }
  @Override public EventBus codecSelector(Function<Object, String> selector) { return bus.codecSelector(selector); }
  @Override public <T> EventBus addOutboundInterceptor(Handler<DeliveryContext<T>> interceptor) { return bus.addOutboundInterceptor(interceptor); }
  @Override public <T> EventBus removeOutboundInterceptor(Handler<DeliveryContext<T>> interceptor) { return bus.removeOutboundInterceptor(interceptor); }
  @Override public <T> EventBus addInboundInterceptor(Handler<DeliveryContext<T>> interceptor) { return bus.addInboundInterceptor(interceptor); }
  @Override public <T> EventBus removeInboundInterceptor(Handler<DeliveryContext<T>> interceptor) { return bus.removeInboundInterceptor(interceptor); }
  @Override public EventBus clusterSerializableChecker(Function<String, Boolean> classNamePredicate) { return bus.clusterSerializableChecker(classNamePredicate); }
  @Override public EventBus serializableChecker(Function<String, Boolean> classNamePredicate) { return bus.serializableChecker(classNamePredicate); }
  @Override public boolean isMetricsEnabled() { return bus.isMetricsEnabled(); }
}
