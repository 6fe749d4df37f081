package dev.verve.examples.impl;

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
 * and {@code ?} for JDBC, so the same text runs on both.
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
    return SqlTemplate.forQuery(pool, "SELECT nextval('todo_ids') AS id").execute(Map.of())
      .map(rows -> rows.iterator().next().getLong("id").intValue())
      .compose(id -> SqlTemplate.forUpdate(pool, "INSERT INTO todos (id, title, done) VALUES (#{id}, #{title}, FALSE)")
        .execute(Map.of("id", id, "title", t))
        .map(inserted -> new Todo(id, t, false)));
  }

  @Override
  public Future<List<Todo>> list() {
    return SqlTemplate.forQuery(pool, "SELECT id, title, done FROM todos ORDER BY id").mapTo(TODO)
      .execute(Map.of())
      .map(rows -> {
        List<Todo> todos = new ArrayList<>(rows.size());
        rows.forEach(todos::add);
        return todos;
      });
  }
  // end::todos-sql[]

  @Override
  public Future<Todo> toggle(int id) {
    return pool.withTransaction(conn ->
      SqlTemplate.forUpdate(conn, "UPDATE todos SET done = NOT done WHERE id = #{id}").execute(Map.of("id", id))
        .compose(updated -> updated.rowCount() == 0 ? ServiceException.fail(404, "There is no todo with id " + id)
          : SqlTemplate.forQuery(conn, "SELECT id, title, done FROM todos WHERE id = #{id}").mapTo(TODO)
            .execute(Map.of("id", id))
            .map(rows -> rows.iterator().next())));
  }

  @Override
  public Future<Void> remove(int id) {
    return SqlTemplate.forUpdate(pool, "DELETE FROM todos WHERE id = #{id}").execute(Map.of("id", id))
      .compose(deleted -> deleted.rowCount() == 0 ? ServiceException.fail(404, "There is no todo with id " + id)
        : Future.succeededFuture());
  }
}
