package dev.verve.db.impl;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

/** Tells "the database could not be reached" (503, try again) from "this statement failed" (500). */
final class Unavailable {

  private Unavailable() {
  }

  static boolean test(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
        || t instanceof ClosedConnectionException || t instanceof TimeoutException
        || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof DatabaseException && connectionState(((DatabaseException) t).getSqlState())) {
        return true;
      }
      if (t instanceof SQLException && connectionState(((SQLException) t).getSQLState())) {
        return true;
      }
    }
    return false;
  }

  // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting.
  private static boolean connectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }
}
