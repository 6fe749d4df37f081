package dev.verve.auth.impl;

import dev.verve.auth.Caller;
import dev.verve.http.Sessions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

/** The caller a browser's session holds: put there at sign-in, gone at sign-out or when the session expires. */
public final class SessionCaller {

  /** Where the session keeps its signed-in caller. */
  static final String KEY = "verve.session.caller";
  /** When it signed in (ms): what a user's revocation ({@link UserRevocations}) compares with. */
  static final String SIGNED_IN_AT = "verve.session.signedInAt";

  private SessionCaller() {
  }

  /** The caller of this request's session; anonymous without a session cookie (asking would create one). */
  static Caller of(RoutingContext ctx) {
    if (ctx.request().getCookie(Sessions.COOKIE) == null) return Caller.ANONYMOUS;
    return of(ctx.session());
  }

  /** The caller signed in on {@code session}; anonymous for none, or a destroyed one (signed out). */
  public static Caller of(Session session) {
    if (session == null || session.isDestroyed()) return Caller.ANONYMOUS;
    Object json = session.get(KEY);
    return json instanceof JsonObject ? Caller.fromJson((JsonObject) json) : Caller.ANONYMOUS;
  }

  static void put(Session session, Caller caller) {
    session.put(KEY, caller.toJson());
    session.put(SIGNED_IN_AT, System.currentTimeMillis());
  }

  static long signedInAt(Session session) {
    Object at = session.get(SIGNED_IN_AT);
    return at instanceof Number ? ((Number) at).longValue() : 0;
  }
}
