package dev.verve.examples.impl;

import dev.verve.auth.Caller;
import dev.verve.examples.Todo;
import dev.verve.examples.Todos;
import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The todos, in the database ({@code db.url}; schema in {@code db/migration/}): every query of the demo's
 * data is in this class. {@code SqlTemplate}'s {@code #{name}} parameters become {@code $1} for PostgreSQL
 * and {@code ?} for JDBC, so the same text runs on both. Each todo belongs to the user who added it: every
 * query names its owner, {@link Caller#current()} (the interface is {@code @PermitAll}, so there is one).
 */
// tag::todos-sql[]
public class TodosImpl implements Todos {

  private static final RowMapper<Todo> TODO =
    row -> new Todo(row.getInteger("id"), row.getString("title"), row.getBoolean("done"));

  private final Pool pool;

  public TodosImpl(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Todo> add(String title) {
    String t = title.strip();
    if (t.isEmpty()) {
      return ServiceException.fail(400, "A todo needs a title");
    }
    if (t.length() > MAX_TITLE) {
      return ServiceException.fail(400, "A title has at most " + MAX_TITLE + " characters, this one has " + t.length());
    }
    int owner = owner();
    return SqlTemplate.forQuery(pool, "SELECT nextval('todo_ids') AS id").execute(Map.of())
      .map(rows -> rows.iterator().next().getLong("id").intValue())
      .compose(id -> SqlTemplate.forUpdate(pool,
          "INSERT INTO todos (id, title, done, owner) VALUES (#{id}, #{title}, FALSE, #{owner})")
        .execute(Map.of("id", id, "title", t, "owner", owner))
        .map(inserted -> new Todo(id, t, false)));
  }

  @Override
  public Future<List<Todo>> list() {
    return SqlTemplate.forQuery(pool, "SELECT id, title, done FROM todos WHERE owner = #{owner} ORDER BY id")
      .mapTo(TODO)
      .execute(Map.of("owner", owner()))
      .map(rows -> {
        List<Todo> todos = new ArrayList<>(rows.size());
        rows.forEach(todos::add);
        return todos;
      });
  }
  // end::todos-sql[]

  @Override
  public Future<Todo> toggle(int id) {
    Map<String, Object> params = Map.of("id", id, "owner", owner());
    return pool.withTransaction(conn ->
      SqlTemplate.forUpdate(conn, "UPDATE todos SET done = NOT done WHERE id = #{id} AND owner = #{owner}").execute(params)
        .compose(updated -> updated.rowCount() == 0 ? missing(id)
          : SqlTemplate.forQuery(conn, "SELECT id, title, done FROM todos WHERE id = #{id} AND owner = #{owner}")
            .mapTo(TODO).execute(params)
            .map(rows -> rows.iterator().next())));
  }

  @Override
  public Future<Void> remove(int id) {
    return SqlTemplate.forUpdate(pool, "DELETE FROM todos WHERE id = #{id} AND owner = #{owner}")
      .execute(Map.of("id", id, "owner", owner()))
      .compose(deleted -> deleted.rowCount() == 0 ? missing(id) : Future.succeededFuture());
  }

  // Another user's todo is as missing as one that never was: its id tells nothing.
  private static <T> Future<T> missing(int id) {
    return ServiceException.fail(404, "There is no todo with id " + id);
  }

  // tag::owner[]
  // @PermitAll: there is always a signed-in caller here, on whichever node runs the call.
  private static int owner() {
    return Integer.parseInt(Caller.current().id());
  }
  // end::owner[]
}
