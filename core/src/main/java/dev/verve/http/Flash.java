package dev.verve.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

/**
 * What a form post leaves for the page it redirects to ({@code problem}, {@code values}, {@code result}),
 * shown once: the next page takes it out. A browser with a session keeps it there; a visitor without one
 * gets no session for it (each would cost the server memory for the session's lifetime): the flash waits
 * in a small capped store with a one-minute TTL ({@link AnonymousFlashes}) under a cookie of its own.
 */
public final class Flash {

  static final String KEY = "verve.flash";

  private Flash() {
  }

  /** Keeps {@code flash} for this browser's next page; {@code false} when its session cookie names no session here. */
  public static boolean put(RoutingContext ctx, JsonObject flash) {
    // Checked before ctx.session(): asking for the session would make one.
    if (ctx.request().getCookie(Sessions.COOKIE) == null) {
      AnonymousFlashes.of(ctx.vertx()).put(ctx, flash);
      return true;
    }
    Session session = ctx.session();
    if (session == null || session.isDestroyed()) return false;
    session.put(KEY, flash);
    return true;
  }

  /** This browser's flash, removed so that it shows once; {@code null} if there is none. */
  public static JsonObject take(RoutingContext ctx) {
    io.vertx.core.http.Cookie anonymous = ctx.request().getCookie(AnonymousFlashes.COOKIE);
    if (anonymous != null) {
      JsonObject flash = AnonymousFlashes.of(ctx.vertx()).take(ctx, anonymous.getValue());
      if (flash != null) return flash;
    }
    // No cookie, no session: asking for one would make one.
    if (ctx.request().getCookie(Sessions.COOKIE) == null) return null;
    Session session = ctx.session();
    if (session == null || session.isDestroyed() || session.get(KEY) == null) return null;
    Object flash = session.remove(KEY);
    return flash instanceof JsonObject ? (JsonObject) flash : null;
  }
}
