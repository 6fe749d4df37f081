package dev.verve.examples;

import dev.verve.examples.support.PostgresServer;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.SQLException;

/** {@link TodosTest}'s tests on a real PostgreSQL server, through vertx-pg-client. */
class TodosOnPostgresIT extends TodosTest {

  @Override
  JsonObject newDatabase() {
    return new JsonObject().put("db.url", PostgresServer.shared().newDatabase());
  }

  @Override
  Connection connect() throws SQLException {
    return PostgresServer.shared().connect(database.getString("db.url"));
  }
}
