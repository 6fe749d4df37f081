package dev.verve.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;

/**
 * vertx-web's {@code SessionHandler}, lazy (a cookie only once something is kept): for every request once
 * sign-in is configured; before that only for what a form post's flash needs (the post itself and the
 * requests that bring the cookie back), so apps without forms or sign-in never see a session.
 */
public final class Sessions implements Handler<RoutingContext> {

  /** The session cookie's name. */
  public static final String COOKIE = "verve.session";

  private final Vertx vertx;
  private volatile SessionHandler always;
  private SessionHandler forFlash;

  public Sessions(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Sign-in configured: sessions on every request, with its cookie settings. */
  public synchronized void enable(boolean secureCookie, long timeoutMs) {
    always = create(secureCookie, timeoutMs);
  }

  @Override
  public void handle(RoutingContext ctx) {
    SessionHandler sessions = always;
    if (sessions != null) {
      sessions.handle(ctx);
    } else if (needsFlash(ctx.request())) {
      flashSessions().handle(ctx);
    } else {
      ctx.next();
    }
  }

  // Header lookups only: the common request (no form, no cookie) pays nothing more.
  private static boolean needsFlash(HttpServerRequest request) {
    if (request.method() == HttpMethod.POST) {
      String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
      if (type != null && (type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
        || type.regionMatches(true, 0, "multipart/form-data", 0, 19))) {
        return true;
      }
    }
    String cookies = request.getHeader(HttpHeaders.COOKIE);
    return cookies != null && cookies.contains(COOKIE);
  }

  private synchronized SessionHandler flashSessions() {
    if (forFlash == null) forFlash = create(false, 30 * 60 * 1000L);
    return forFlash;
  }

  private SessionHandler create(boolean secureCookie, long timeoutMs) {
    return SessionHandler.create(vertx.isClustered() ? ClusteredSessionStore.create(vertx) : LocalSessionStore.create(vertx))
      .setSessionCookieName(COOKIE)
      .setCookieHttpOnlyFlag(true)
      .setCookieSameSite(CookieSameSite.LAX)
      .setCookieSecureFlag(secureCookie)
      .setSessionTimeout(timeoutMs)
      .setNagHttps(false)
      .setLazySession(true);
  }
}
