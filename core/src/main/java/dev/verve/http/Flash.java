package dev.verve.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

/**
 * What a form post leaves for the page it redirects to ({@code problem}, {@code values}, {@code result}),
 * kept in the browser's session and shown once: the next page takes it out.
 */
public final class Flash {

  static final String KEY = "verve.flash";

  private Flash() {
  }

  /** Keeps {@code flash} for this browser's next page; {@code false} when there are no sessions (no sign-in configured). */
  public static boolean put(RoutingContext ctx, JsonObject flash) {
    Session session = ctx.session();
    if (session == null || session.isDestroyed()) return false;
    session.put(KEY, flash);
    return true;
  }

  /** This browser's flash, removed so that it shows once; {@code null} if there is none. */
  public static JsonObject take(RoutingContext ctx) {
    // No cookie, no session: asking for one would make one.
    if (ctx.request().getCookie(Sessions.COOKIE) == null) return null;
    Session session = ctx.session();
    if (session == null || session.isDestroyed() || session.get(KEY) == null) return null;
    Object flash = session.remove(KEY);
    return flash instanceof JsonObject ? (JsonObject) flash : null;
  }
}
