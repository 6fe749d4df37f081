package dev.verve.db;

import dev.verve.db.impl.DatabaseImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * A migrated database and its connection pool.
 *
 * <pre>{@code
 * Database.open(vertx, DatabaseOptions.fromConfig(settings))
 *   .onSuccess(db -> verve.register(Todos.class, new TodosImpl(db.pool())));
 * }</pre>
 */
public interface Database {

  /**
   * Applies the pending migrations (on a worker thread), then opens the pool. Fails, naming the
   * migration, if one does not apply; nothing is left open then.
   */
  static Future<Database> open(Vertx vertx, DatabaseOptions options) {
    return DatabaseImpl.open(vertx, options);
  }

  /** The pool to query with: {@code SqlTemplate.forQuery(db.pool(), "SELECT ...")}. */
  Pool pool();

  /** {@code "h2"} or {@code "postgresql"} (or the JDBC sub-protocol of another {@code jdbc:} URL). */
  String kind();

  /** Completes when the database answers a trivial query. */
  Future<Void> ping();

  /** Closes the pool (and so the embedded database, if it is H2). */
  Future<Void> close();

  /**
   * Whether a failure means the database could not be reached (refused or lost connection, server
   * shutting down, no connection within the pool's timeout), as opposed to a failing statement.
   */
  static boolean isUnavailable(Throwable failure) {
    return DatabaseImpl.isUnavailable(failure);
  }
}
