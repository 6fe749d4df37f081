package dev.verve.examples.impl;

import dev.verve.auth.Caller;
import dev.verve.examples.Todo;
import dev.verve.examples.TodoChange;
import dev.verve.examples.Todos;
import dev.verve.fn.Streams;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import dev.verve.fn.InvalidArguments;
import dev.verve.fn.UploadedFile;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
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

  private final Vertx vertx;
  private final Pool pool;

  public TodosImpl(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  @Override
  public Future<Todo> add(String title) {
    String t = title.strip();
    String refused = refusal(t);
    if (refused != null) {
      return InvalidArguments.fail("title", refused);
    }
    int owner = owner();
    return insert(pool, t, owner).onSuccess(todo -> changed(owner, TodoChange.upsert(todo)));
  }

  private static Future<Todo> insert(SqlClient client, String title, int owner) {
    return SqlTemplate.forQuery(client, "SELECT nextval('todo_ids') AS id").execute(Map.of())
      .map(rows -> rows.iterator().next().getLong("id").intValue())
      .compose(id -> SqlTemplate.forUpdate(client,
          "INSERT INTO todos (id, title, done, owner) VALUES (#{id}, #{title}, FALSE, #{owner})")
        .execute(Map.of("id", id, "title", title, "owner", owner))
        .map(inserted -> new Todo(id, title, false)));
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
            .map(rows -> rows.iterator().next())))
      .onSuccess(todo -> changed((Integer) params.get("owner"), TodoChange.upsert(todo)));
  }

  @Override
  public Future<Void> remove(int id) {
    int owner = owner();
    return SqlTemplate.forUpdate(pool, "DELETE FROM todos WHERE id = #{id} AND owner = #{owner}")
      .execute(Map.of("id", id, "owner", owner))
      .compose(deleted -> deleted.rowCount() == 0 ? missing(id) : Future.<Void>succeededFuture())
      .onSuccess(v -> changed(owner, TodoChange.remove(id)));
  }

  @Override
  public Future<List<Todo>> importFile(UploadedFile file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file.bytes().getBytes())).toString();
    } catch (CharacterCodingException e) {
      return InvalidArguments.fail("file", "The file is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte-order mark some editors write
    List<String> titles = new ArrayList<>();
    String[] lines = text.split("\\r?\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String title = lines[i].strip();
      if (title.isEmpty()) continue;
      if (titles.size() == MAX_IMPORT_LINES) {
        return InvalidArguments.fail("file", "A file may add at most " + MAX_IMPORT_LINES + " todos");
      }
      String refused = refusal(title);
      if (refused != null) {
        return InvalidArguments.fail("file", "Line " + (i + 1) + ": " + refused);
      }
      titles.add(title);
    }
    int owner = owner();
    // All or nothing: one transaction, the inserts one after the other on its connection.
    return pool.withTransaction(conn -> {
      List<Todo> added = new ArrayList<>(titles.size());
      Future<Void> chain = Future.succeededFuture();
      for (String title : titles) {
        chain = chain.compose(v -> insert(conn, title, owner).map(todo -> {
          added.add(todo);
          return null;
        }));
      }
      return chain.map(v -> added);
    }).onSuccess(added -> added.forEach(todo -> changed(owner, TodoChange.upsert(todo))));
  }

  // tag::changes[]
  @Override
  public Future<ReadStream<TodoChange>> changes() {
    // Published after each commit, on every node (changed()); this reader's consumer is closed when it goes.
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(changesAddress(owner()));
    return Future.succeededFuture(Streams.map(consumer, message -> new TodoChange(message.body())));
  }

  private void changed(int owner, TodoChange change) {
    vertx.eventBus().publish(changesAddress(owner), change.toJson());
  }

  // Not bridged to browsers (eventbus.outbound): a user's changes reach them only through changes().
  private static String changesAddress(int owner) {
    return "todos.changes." + owner;
  }
  // end::changes[]

  /** Why a (stripped) title is refused, or {@code null}. */
  private static String refusal(String title) {
    if (title.isEmpty()) return "A todo needs a title";
    if (title.length() > MAX_TITLE) {
      return "A title has at most " + MAX_TITLE + " characters, this one has " + title.length();
    }
    return null;
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
