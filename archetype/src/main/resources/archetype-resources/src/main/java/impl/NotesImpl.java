package ${package}.impl;

import ${package}.Note;
import ${package}.Notes;
import dev.verve.auth.Caller;
import dev.verve.fn.InvalidArguments;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The notes, in the table of db/migration/V1__notes.sql; every query names the caller as owner. */
public class NotesImpl implements Notes {

  private static final RowMapper<Note> NOTE = row -> new Note(row.getInteger("id"), row.getString("body"));

  private final Pool pool;

  public NotesImpl(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Note> add(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.length() > 500) {
      // A 400 naming the argument: a form shows it next to the field.
      return InvalidArguments.fail("text", "A note has 1 to 500 characters");
    }
    return SqlTemplate.forQuery(pool, "SELECT nextval('note_ids') AS id").execute(Map.of())
      .map(rows -> rows.iterator().next().getLong("id").intValue())
      .compose(id -> SqlTemplate.forUpdate(pool, "INSERT INTO notes (id, owner, body) VALUES (#{id}, #{owner}, #{text})")
        .execute(Map.of("id", id, "owner", owner(), "text", t))
        .map(done -> new Note(id, t)));
  }

  @Override
  public Future<List<Note>> list() {
    return SqlTemplate.forQuery(pool, "SELECT id, body FROM notes WHERE owner = #{owner} ORDER BY id")
      .mapTo(NOTE)
      .execute(Map.of("owner", owner()))
      .map(rows -> {
        List<Note> notes = new ArrayList<>(rows.size());
        rows.forEach(notes::add);
        return notes;
      });
  }

  // @PermitAll: there is always a signed-in caller here.
  private static int owner() {
    return Integer.parseInt(Caller.current().id());
  }
}
