package dev.verve.examples;

import dev.verve.ServerFunctions;
import dev.verve.auth.RolesAllowed;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** For administrators only: an anonymous caller gets 401, any other user 403. */
@RolesAllowed("admin")
@ServerFunctions
@ProxyGen
@VertxGen
public interface Admin {

  /** {@code {"users": <count>, "todos": <count>}}. */
  Future<JsonObject> stats();

  /**
   * Disables a user (the built-in accounts' admin API): their sign-ins are refused and their sessions and
   * tokens stop working at once, on every node. {@code false} for no such user.
   */
  Future<Boolean> disable(String username);
}
