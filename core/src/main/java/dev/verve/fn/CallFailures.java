package dev.verve.fn;

import dev.verve.http.HttpProblem;
import dev.verve.http.Problems;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/**
 * What a failed call of a server function means to an HTTP client, for function calls and pages alike:
 * no node serves it 503, no answer in time 504, a {@code ServiceException} with an HTTP code that status and
 * its message, anything else a 500 whose correlation id ties the answer to the log.
 */
public final class CallFailures {

  private CallFailures() {
  }

  /** {@code what} names the call in details and logs ({@code "Todos.add"}, {@code "page /todos"}). */
  public static HttpProblem toProblem(Throwable cause, String what, long timeoutMs) {
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

  // InvalidArguments: which argument the function refused, for a form to show next to its field. Only
  // "errors" is taken from the debug info, never the rest of it.
  private static JsonObject argumentErrors(ReplyException failure) {
    if (!(failure instanceof ServiceException)) return null;
    JsonObject debug = ((ServiceException) failure).getDebugInfo();
    Object errors = debug == null ? null : debug.getValue("errors");
    return errors instanceof JsonArray ? new JsonObject().put("errors", errors) : null;
  }
}
