package dev.verve.auth.impl;

import dev.verve.auth.Caller;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceInterceptor;

import java.util.Map;

/**
 * Runs on the node that serves the function, before vertx-service-proxy's handler: reads the caller from
 * the message's {@link CallerHeader}, makes it {@link Caller#current()} for the rest of the call, and
 * enforces the function's access rule. Every way in (HTTP, pages, the bridge, another node's proxy) ends
 * here, so no way in skips the rule. vertx-service-proxy's own {@code AuthorizationInterceptor} lets a
 * call through when no user is present; this one refuses it.
 */
public final class AccessInterceptor implements ServiceInterceptor {

  private final ServiceDescriptor service;

  public AccessInterceptor(ServiceDescriptor service) {
    this.service = service;
  }

  @Override
  public Future<Message<JsonObject>> intercept(Vertx vertx, Map<String, Object> context, Message<JsonObject> message) {
    String action = message.headers().get("action");
    MethodDescriptor method = action == null ? null : service.method(action);
    if (method == null) {
      return ServiceException.fail(404, service.name() + " has no function named '" + printable(action) + "'");
    }
    Caller caller = CallerHeader.read(message.headers());
    int refused = method.access().check(caller);
    if (refused != 0) {
      return ServiceException.fail(refused, method.access().refusal(service.name() + "." + method.name(), refused));
    }
    CallerContext.set(Vertx.currentContext(), caller);
    return Future.succeededFuture(message);
  }

  private static String printable(String s) {
    if (s == null) return "";
    String t = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    return t.replaceAll("[^\\p{Alnum}_$.\\-]", "?");
  }
}
