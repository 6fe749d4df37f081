package dev.verve.examples.probe;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import dev.verve.auth.DenyAll;
import dev.verve.auth.PermitAll;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Tells who is calling, from where the caller is hardest to keep: after awaits, through another function. */
@PermitAll
@ServerFunctions(address = "verve.test.who")
@ProxyGen
@VertxGen
public interface Who {

  /** The caller's view ({@code signedIn}, {@code name}, {@code roles}); anyone may ask. */
  @AnonymousAllowed
  Future<JsonObject> me();

  /** The caller's name, read after a timer, a query and a call to another function. */
  Future<String> afterAwaits();

  /** How many todos {@code Todos.list} gives, called through {@code verve.proxy}: the callee's caller. */
  Future<Integer> myTodoCount();

  /** Nobody may call it. */
  @DenyAll
  Future<Void> never();
}
