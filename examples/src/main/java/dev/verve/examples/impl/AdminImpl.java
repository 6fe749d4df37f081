package dev.verve.examples.impl;

import dev.verve.auth.Users;
import dev.verve.examples.Admin;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

public class AdminImpl implements Admin {

  private final Pool pool;
  private final Users users;

  public AdminImpl(Pool pool, Users users) {
    this.pool = pool;
    this.users = users;
  }

  @Override
  public Future<Boolean> disable(String username) {
    return users.disable(username);
  }

  @Override
  public Future<JsonObject> stats() {
    return pool.query("SELECT (SELECT count(*) FROM verve_accounts.users) AS users, (SELECT count(*) FROM todos) AS todos").execute()
      .map(rows -> {
        Row row = rows.iterator().next();
        return new JsonObject().put("users", row.getLong("users")).put("todos", row.getLong("todos"));
      });
  }
}
