package dev.verve.http;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.serviceproxy.ServiceException;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes problem-details responses, and is the failure handler of the function routes: whatever failed a
 * request becomes {@code application/problem+json} with a safe detail. Unexpected failures get a generic
 * 500 whose correlation id is also logged with the real cause.
 */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";
  /** The member of a 500 problem, and of a failed function's debug info, carrying the correlation id. */
  public static final String CORRELATION_ID = "correlationId";
  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  private Problems() {
  }

  /** Failure handler: {@code router.route(...).failureHandler(Problems::handleFailure)}. */
  public static void handleFailure(RoutingContext ctx) {
    send(ctx.response(), toProblem(ctx.failure(), ctx.statusCode(), ctx.request().path()));
  }

  public static HttpProblem toProblem(Throwable failure, int statusCode, String what) {
    if (failure instanceof HttpProblem) {
      return (HttpProblem) failure;
    }
    int status = failure instanceof HttpException ? ((HttpException) failure).getStatusCode() : statusCode;
    if (status == 413) {
      return new HttpProblem(413, "The request body is larger than the server accepts");
    }
    if (status >= 400 && status < 500) {
      return new HttpProblem(status, HttpProblem.title(status));
    }
    return internalError(failure, what);
  }

  /**
   * A generic 500 whose id ties the client's answer to the log line with the real cause. A function that
   * failed was already logged, with its stack trace, where it ran: its id is reused.
   */
  public static HttpProblem internalError(Throwable cause, String what) {
    String correlationId = correlationIdOf(cause);
    if (cause instanceof ReplyException) {
      ReplyException failure = (ReplyException) cause;
      LOG.log(Level.SEVERE, "Internal error " + correlationId + " in " + what + ": " + failure.failureType()
        + " code " + failure.failureCode() + ": " + failure.getMessage());
    } else {
      LOG.log(Level.SEVERE, "Internal error " + correlationId + " in " + what, cause);
    }
    return new HttpProblem(500, "The server could not complete the request; quote correlation id "
      + correlationId + " when reporting it",
      new JsonObject().put(CORRELATION_ID, correlationId));
  }

  private static String correlationIdOf(Throwable failure) {
    if (failure instanceof ServiceException) {
      JsonObject debug = ((ServiceException) failure).getDebugInfo();
      String id = debug == null ? null : debug.getString(CORRELATION_ID);
      if (id != null) return id;
    }
    return UUID.randomUUID().toString();
  }

  public static void send(HttpServerResponse response, HttpProblem problem) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(problem.status())
      .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
    if (problem.status() == 413) {
      // The rest of an oversized body is never read: close rather than parse it as the next request.
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    if (problem.retryAfter() > 0) {
      response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter()));
    }
    response.end(problem.toJson().toBuffer());
  }
}
