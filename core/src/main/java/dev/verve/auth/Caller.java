package dev.verve.auth;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who is calling a server function or asking for a page: {@link #ANONYMOUS}, or a user with an id, a name
 * and roles. Read it anywhere in the function's asynchronous chain with {@link #current()}: after a query,
 * a timer or a call to another function, on whichever node runs it.
 *
 * <pre>{@code
 * public Future<List<Todo>> list() {
 *   Caller caller = Caller.current();   // the signed-in user (the function is @PermitAll)
 *   return todos.ownedBy(caller.id());
 * }
 * }</pre>
 */
public final class Caller {

  /** Nobody signed in: browsers without a session, curl without a token, code outside any request. */
  public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

  private final String id;
  private final String name;
  private final Set<String> roles;

  private Caller(String id, String name, Set<String> roles) {
    this.id = id;
    this.name = name;
    this.roles = roles;
  }

  /** A signed-in user. */
  public static Caller user(String id, String name, Collection<String> roles) {
    return new Caller(Objects.requireNonNull(id, "id"), Objects.requireNonNull(name, "name"),
      Collections.unmodifiableSet(new LinkedHashSet<>(roles)));
  }

  /**
   * The caller of the function or page being served on this thread's Vert.x context; {@link #ANONYMOUS}
   * outside any call (a timer set up at start, a verticle's own code).
   */
  public static Caller current() {
    Context context = Vertx.currentContext();
    return context == null ? ANONYMOUS : CallerContext.get(context);
  }

  /**
   * Runs {@code work} as this caller, on a context of its own: the functions it calls through
   * {@code verve.proxy(...)} see this caller. For code outside any request that must act for a user.
   */
  public <T> Future<T> run(Vertx vertx, Supplier<Future<T>> work) {
    return CallerContext.runAs(vertx, this, work);
  }

  public boolean isSignedIn() {
    return id != null;
  }

  /** The user's id; {@code null} when anonymous. */
  public String id() {
    return id;
  }

  /** The user's name; {@code null} when anonymous. */
  public String name() {
    return name;
  }

  public Set<String> roles() {
    return roles;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The wire form between nodes: {@code {"id", "name", "roles"}}, or {@code {}} when anonymous. */
  public JsonObject toJson() {
    if (!isSignedIn()) return new JsonObject();
    return new JsonObject().put("id", id).put("name", name).put("roles", new JsonArray(roles.stream().toList()));
  }

  /** Reads {@link #toJson()}'s form; anything else is {@link #ANONYMOUS}. */
  public static Caller fromJson(JsonObject json) {
    if (json == null || !(json.getValue("id") instanceof String) || !(json.getValue("name") instanceof String)) {
      return ANONYMOUS;
    }
    Set<String> roles = new LinkedHashSet<>();
    Object list = json.getValue("roles");
    if (list instanceof JsonArray) {
      for (Object role : (JsonArray) list) if (role instanceof String) roles.add((String) role);
    }
    return user(json.getString("id"), json.getString("name"), roles);
  }

  /**
   * What templates and the page state see as {@code caller}: {@code {"signedIn", "name", "roles"}}. Never
   * a password hash, a token or a session id, which a caller does not carry.
   */
  public JsonObject toView() {
    return new JsonObject().put("signedIn", isSignedIn()).put("name", name)
      .put("roles", new JsonArray(roles.stream().toList()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Caller && Objects.equals(id, ((Caller) o).id) && Objects.equals(name, ((Caller) o).name)
      && roles.equals(((Caller) o).roles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, roles);
  }

  @Override
  public String toString() {
    return isSignedIn() ? "user " + name + " (" + id + ")" + (roles.isEmpty() ? "" : " " + roles) : "anonymous";
  }
}
