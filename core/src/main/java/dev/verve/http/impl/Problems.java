package dev.verve.http.impl;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

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

  /** A generic 500 whose id ties the client's answer to the log line with the real cause. */
  public static HttpProblem internalError(Throwable cause, String what) {
    return internalError(UUID.randomUUID().toString(), cause, what);
  }

  public static HttpProblem internalError(String correlationId, Throwable cause, String what) {
    LOG.log(Level.SEVERE, "Internal error " + correlationId + " in " + what, cause);
    return new HttpProblem(500, "The server could not complete the request; quote correlation id "
      + correlationId + " when reporting it",
      new io.vertx.core.json.JsonObject().put("correlationId", correlationId));
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
    response.end(problem.toJson().toBuffer());
  }
}
