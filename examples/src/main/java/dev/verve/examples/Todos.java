package dev.verve.examples;

import dev.verve.ServerFunctions;
import dev.verve.auth.PermitAll;
import dev.verve.fn.Streams;
import dev.verve.fn.UploadedFile;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

import java.util.List;

/**
 * Each signed-in user's own todo list, kept in the database ({@code db.url}); anonymous callers get 401.
 * Errors are {@code ServiceException}s with HTTP codes: an unknown id fails
 * with 404, an empty or over-long title with 400 that names the argument ({@code InvalidArguments}), so a
 * form shows it next to its field.
 */
// tag::todos-rule[]
@PermitAll
@ServerFunctions
@ProxyGen
@VertxGen
public interface Todos {
  // end::todos-rule[]

  int MAX_TITLE = 200;
  int MAX_IMPORT_LINES = 100;

  /** Adds a todo; the title must have 1 to 200 characters. */
  Future<Todo> add(String title);

  /** All todos, oldest first. */
  Future<List<Todo>> list();

  /** Flips a todo's {@code done}. */
  Future<Todo> toggle(int id);

  /** Deletes a todo. */
  Future<Void> remove(int id);

  /**
   * Adds one todo per non-empty line of a UTF-8 text file (at most 100 lines, each a title as for
   * {@link #add}): all of them or, if one is refused, none. Returns the todos added.
   */
  Future<List<Todo>> importFile(UploadedFile file);

  /**
   * The signed-in user's todo changes from now on, wherever they happen (another tab, curl with a token,
   * another node), until the reader stops: what keeps the todos page's list live.
   */
  @GenIgnore // a stream: served by Verve, skipped by vertx-service-proxy
  default Future<ReadStream<TodoChange>> changes() {
    return Streams.declared();
  }
}
