package dev.verve.examples;

import dev.verve.ServerFunctions;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

import java.util.List;

/**
 * A todo list, kept in the database ({@code db.url}). Errors are {@code ServiceException}s with HTTP codes: an unknown id fails
 * with 404, an empty or over-long title with 400.
 */
@ServerFunctions
@ProxyGen
@VertxGen
public interface Todos {

  int MAX_TITLE = 200;

  /** Adds a todo; the title must have 1 to 200 characters. */
  Future<Todo> add(String title);

  /** All todos, oldest first. */
  Future<List<Todo>> list();

  /** Flips a todo's {@code done}. */
  Future<Todo> toggle(int id);

  /** Deletes a todo. */
  Future<Void> remove(int id);
}
