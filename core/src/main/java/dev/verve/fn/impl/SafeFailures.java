package dev.verve.fn.impl;

import dev.verve.db.Database;
import dev.verve.http.Problems;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A function's failure as a caller may see it: a {@link ServiceException} stays as it is; a failure to reach
 * the database becomes a 503; anything else is logged with its stack trace and a correlation id, and only
 * that id goes back ({@code ServiceException(-1, "Internal error <id>")}, a 500 over HTTP).
 */
final class SafeFailures {

  private static final Logger LOG = Logger.getLogger(SafeService.class.getName());

  private SafeFailures() {
  }

  /** {@code what} names the function in the log ({@code "Counter.count"}). */
  static ServiceException of(String what, Throwable error) {
    if (error instanceof ServiceException) {
      return (ServiceException) error;
    }
    String id = UUID.randomUUID().toString();
    if (Database.isUnavailable(error)) {
      // Not a bug: the caller may try again, and the pool reconnects once the database is back.
      // The cause's text only: an outage fails every call, and its stack trace says nothing new.
      LOG.warning("Server function " + what + ": the database is not available (" + error + "); correlation id " + id);
      return new ServiceException(503, "The database is not available", new JsonObject().put(Problems.CORRELATION_ID, id));
    }
    LOG.log(Level.SEVERE, "Server function " + what + " failed; correlation id " + id, error);
    return new ServiceException(-1, "Internal error " + id, new JsonObject().put(Problems.CORRELATION_ID, id));
  }
}
