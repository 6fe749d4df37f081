package dev.verve.examples.impl;

import dev.verve.examples.Admin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

public class AdminImpl implements Admin {

  private final Pool pool;

  public AdminImpl(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<JsonObject> stats() {
    return pool.query("SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM todos) AS todos").execute()
      .map(rows -> {
        Row row = rows.iterator().next();
        return new JsonObject().put("users", row.getLong("users")).put("todos", row.getLong("todos"));
      });
  }
}
