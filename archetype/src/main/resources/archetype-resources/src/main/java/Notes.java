package ${package};

import dev.verve.ServerFunctions;
import dev.verve.auth.PermitAll;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

import java.util.List;

/**
 * Each signed-in user's notes: {@code POST /api/Notes/add} with {@code {"text":"..."}} and
 * {@code POST /api/Notes/list}. Anonymous callers get 401; a user sees only their own notes.
 */
@PermitAll
@ServerFunctions
@ProxyGen
@VertxGen
public interface Notes {

  /** Stores a note of 1 to 500 characters for the caller, and returns it. */
  Future<Note> add(String text);

  /** The caller's notes, oldest first. */
  Future<List<Note>> list();
}
