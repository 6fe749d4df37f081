package dev.verve.fn.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceInterceptor;

import java.util.Map;

/**
 * Asks "does a node serve this interface right now?" without running its code: a message with the action
 * {@value #ACTION} (no Java method has that name) to the interface's address, answered by the first
 * interceptor of whichever node's consumer receives it, before access rules and the service.
 */
final class Ping implements ServiceInterceptor {

  static final String ACTION = "verve.ping";
  private static final String PONG = "pong";

  @Override
  public Future<Message<JsonObject>> intercept(Vertx vertx, Map<String, Object> context, Message<JsonObject> message) {
    // For every action, not bound to ours with addInterceptor(action, ...): service-proxy 5.0.10 then throws
    // on a message without an action, which would never be answered.
    if (!ACTION.equals(message.headers().get("action"))) return Future.succeededFuture(message);
    message.reply(PONG);
    // A future that never completes ends the interceptor chain: the reply above is the only one.
    return Promise.<Message<JsonObject>>promise().future();
  }

  /**
   * Succeeds when some node's consumer of {@code address} answered within {@code timeoutMs}. A node that
   * predates the ping answers it as an unknown function (a recipient failure): that is an answer too.
   */
  static Future<Void> send(EventBus bus, String address, long timeoutMs) {
    DeliveryOptions options = new DeliveryOptions().addHeader("action", ACTION).setSendTimeout(timeoutMs);
    return bus.request(address, new JsonObject(), options).<Void>mapEmpty().recover(failure -> {
      if (failure instanceof ReplyException
        && ((ReplyException) failure).failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        return Future.succeededFuture();
      }
      return Future.failedFuture(failure);
    });
  }
}
