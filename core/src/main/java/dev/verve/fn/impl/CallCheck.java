package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerContext;
import dev.verve.auth.CallerHeader;
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
 * Runs on the node that serves the function, before vertx-service-proxy's handler, for every message
 * whatever way it came (HTTP through another node, a page's proxy, the bridge, another node's code): one
 * lookup of the method, then its access rule for the caller of the message's {@link CallerHeader} (who
 * then is {@link Caller#current()} for the rest of the call), then its arguments against the descriptor.
 * So no way in skips the rule, and a message that did not come through HTTP is a 400 here instead of a
 * {@code ClassCastException} or a truncated number in the generated handler. vertx-service-proxy's own
 * {@code AuthorizationInterceptor} lets a call through when no user is present; this one refuses it.
 */
final class CallCheck implements ServiceInterceptor {

  private final ServiceDescriptor service;

  CallCheck(ServiceDescriptor service) {
    this.service = service;
  }

  @Override
  public Future<Message<JsonObject>> intercept(Vertx vertx, Map<String, Object> context, Message<JsonObject> message) {
    String action = message.headers().get("action");
    MethodDescriptor method = action == null ? null : service.method(action);
    if (method == null) {
      return ServiceException.fail(404, service.name() + " has no function named '" + Names.printable(action) + "'");
    }
    Caller caller = CallerHeader.read(message.headers());
    int refused = method.access().check(caller);
    if (refused != 0) {
      return ServiceException.fail(refused, method.access().refusal(service.name() + "." + method.name(), refused));
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
    CallerContext.set(Vertx.currentContext(), caller);
    return Future.succeededFuture(message);
  }
}
