package dev.verve.fn.impl;

import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceInterceptor;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs on the node that serves the function, after the access check: validates the arguments of every
 * message against the descriptor again, as HTTP did. A message that did not come through HTTP (another
 * node, a misconfigured bridge, a hand-written sender) is a 400 {@link ServiceException} here, instead of a
 * {@code ClassCastException} or a truncated number in the generated handler.
 */
public final class ArgumentsInterceptor implements ServiceInterceptor {

  private final ServiceDescriptor service;

  public ArgumentsInterceptor(ServiceDescriptor service) {
    this.service = service;
  }

  @Override
  public Future<Message<JsonObject>> intercept(Vertx vertx, Map<String, Object> context, Message<JsonObject> message) {
    String action = message.headers().get("action");
    MethodDescriptor method = action == null ? null : service.method(action);
    if (method == null) {
      return ServiceException.fail(404, service.name() + " has no function by that name");
    }
    // Read untyped: a sender may have put anything on the bus, and the cast would throw.
    Object body = ((Message<?>) message).body();
    if (!(body instanceof JsonObject)) {
      return ServiceException.fail(400, "The arguments of " + service.name() + "." + method.name()
        + " must be a JSON object keyed by parameter names");
    }
    List<MethodDescriptor.ArgumentError> errors = method.validate((JsonObject) body);
    if (!errors.isEmpty()) {
      return ServiceException.fail(400, "Invalid arguments for " + service.name() + "." + method.name() + ": "
        + errors.stream().map(Object::toString).collect(Collectors.joining("; ")));
    }
    return Future.succeededFuture(message);
  }
}
