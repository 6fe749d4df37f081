/**
 * A SQL database for server functions, through Vert.x's SQL client API ({@link io.vertx.sqlclient.Pool},
 * prepared queries, {@code SqlTemplate}, futures): nothing blocks an event loop.
 *
 * <ol>
 *   <li>{@code db.url} chooses the client: {@code jdbc:h2:...} is vertx-jdbc-client over an embedded H2
 *       in PostgreSQL mode (the default, a file under {@code data/}); {@code postgresql://...} is the
 *       reactive vertx-pg-client. Write SQL that both accept (H2's PostgreSQL mode makes that the
 *       PostgreSQL you would write, minus {@code RETURNING}).</li>
 *   <li>{@link dev.verve.db.Database#open} applies the versioned migrations on the class path
 *       ({@code db/migration/V1__*.sql}, ...) with Flyway on a worker thread, then opens the pool. Two nodes
 *       starting together migrate once (Flyway locks the schema history). A failed migration fails
 *       {@code open}, so the node does not start.</li>
 *   <li>While the database cannot be reached, a server function that used it fails with a
 *       {@code ServiceException} 503 ("The database is not available"), whatever the query; the pool
 *       reconnects by itself when the database is back. Any other SQL failure is logged with a correlation
 *       id and reaches clients as a generic 500: SQL text never leaves the server.</li>
 * </ol>
 */
package dev.verve.db;
