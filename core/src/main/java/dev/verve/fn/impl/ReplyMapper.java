package dev.verve.fn.impl;

import dev.verve.fn.CallFailures;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.Problems;
import io.vertx.core.AsyncResult;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * Maps the event-bus reply of a function call to the HTTP response (steps 12-13 of the flow): a value is
 * 200 with its JSON, {@code Future<Void>} is 204, and each kind of failure gets an honest status.
 */
final class ReplyMapper {

  // Validated once, not on every response.
  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private ReplyMapper() {
  }

  static void respond(HttpServerResponse response, ServiceDescriptor service, MethodDescriptor method,
                      AsyncResult<Message<Object>> reply, long timeoutMs) {
    if (response.closed() || response.ended()) {
      return;
    }
    if (reply.succeeded()) {
      if (method.returnsVoid()) {
        response.setStatusCode(204).end();
      } else {
        response.putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
          .end(JsonBodies.encode(reply.result().body()));
      }
      return;
    }
    String what = service.name() + "." + method.name();
    Problems.send(response, CallFailures.toProblem(reply.cause(), what, timeoutMs));
  }
}
