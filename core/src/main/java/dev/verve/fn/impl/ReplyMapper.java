package dev.verve.fn.impl;

import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.impl.HttpProblem;
import dev.verve.http.impl.Problems;
import io.vertx.core.AsyncResult;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.ext.web.RoutingContext;

/**
 * Maps the event-bus reply of a function call to the HTTP response (steps 10-11 of the flow): a value is
 * 200 with its JSON, {@code Future<Void>} is 204, and each kind of failure gets an honest status.
 */
final class ReplyMapper {

  // Validated once, not on every response.
  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private ReplyMapper() {
  }

  static void respond(RoutingContext ctx, ServiceDescriptor service, MethodDescriptor method,
                      AsyncResult<Message<Object>> reply, long timeoutMs) {
    HttpServerResponse response = ctx.response();
    if (response.closed() || response.ended()) {
      return;
    }
    if (reply.succeeded()) {
      if (method.returnsVoid()) {
        response.setStatusCode(204).end();
      } else {
        response.putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
          .end(Json.encodeToBuffer(reply.result().body()));
      }
      return;
    }
    String what = service.name() + "." + method.name();
    Problems.send(response, toProblem(reply.cause(), what, timeoutMs));
  }

  // InvalidArguments: which argument the function refused, for a form to show next to its field. Only
  // "errors" is taken from the debug info, never the rest of it.
  private static JsonObject argumentErrors(ReplyException failure) {
    if (!(failure instanceof ServiceException)) return null;
    JsonObject debug = ((ServiceException) failure).getDebugInfo();
    Object errors = debug == null ? null : debug.getValue("errors");
    return errors instanceof JsonArray ? new JsonObject().put("errors", errors) : null;
  }

  static HttpProblem toProblem(Throwable cause, String what, long timeoutMs) {
    if (!(cause instanceof ReplyException)) {
      return Problems.internalError(cause, what);
    }
    ReplyException failure = (ReplyException) cause;
    switch (failure.failureType()) {
      case NO_HANDLERS:
        return new HttpProblem(503, what + " is not deployed on any node right now");
      case TIMEOUT:
        return new HttpProblem(504, what + " did not answer within " + timeoutMs + " ms");
      case RECIPIENT_FAILURE:
        int code = failure.failureCode();
        if (code >= 400 && code <= 599) {
          return new HttpProblem(code, failure.getMessage() != null ? failure.getMessage() : what + " failed",
            argumentErrors(failure));
        }
        // Any other failure (code -1: a plain exception in the function) is the server's secret.
        return Problems.internalError(failure, what);
      default:
        return Problems.internalError(failure, what);
    }
  }
}
