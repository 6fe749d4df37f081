package dev.verve.auth.impl;

import dev.verve.auth.Accounts;
import dev.verve.auth.Auth;
import dev.verve.auth.AuthOptions;
import dev.verve.auth.Authentication;
import dev.verve.auth.Caller;
import dev.verve.auth.CallerContext;
import dev.verve.auth.FormRenderer;
import dev.verve.http.HttpProblem;
import dev.verve.http.Problems;
import dev.verve.http.Sessions;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The first handler of every request: who is asking. A bearer token ({@code Authorization: Bearer ...})
 * wins, then the session; else the caller is anonymous. The caller goes into the routing context and into
 * the request's context, so a page's sources and the function calls they make act for the same user.
 * A token that does not verify is a 401 at once, never an anonymous call.
 */
public final class CallerHandler implements Authentication {

  /** Where the routing context keeps the request's caller. */
  public static final String KEY = "verve.request.caller";

  private final Vertx vertx;
  private final Sessions sessions;
  private final List<String> trustedProxies;
  private volatile AuthImpl auth;
  private volatile UserRevocations revocations;

  public CallerHandler(Vertx vertx, Sessions sessions, List<String> trustedProxies) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  @Override
  public synchronized Auth signIn(Router router, Accounts accounts, AuthOptions options, FormRenderer forms) {
    if (auth != null) throw new IllegalStateException("sign-in was turned on already");
    revocations = UserRevocations.of(vertx);
    AuthImpl created = new AuthImpl(vertx, options, accounts, forms, trustedProxies);
    sessions.enable(options.isSecureCookie(), options.getSessionTimeoutMs());
    created.mount(router);
    auth = created;
    return created;
  }

  @Override
  public void handle(RoutingContext ctx) {
    AuthImpl current = auth;
    if (current == null) {
      ctx.put(KEY, Caller.ANONYMOUS);
      ctx.next();
      return;
    }
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // The check asks the (cluster's) revocations: the body waits, for the handler that reads it after.
      HttpServerRequest request = ctx.request();
      boolean paused = !request.isEnded();
      if (paused) request.pause();
      current.tokens().verify(authorization.substring(7).trim()).onComplete(ar -> {
        if (ar.succeeded()) {
          proceed(ctx, ar.result());
        } else {
          ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
          Problems.send(ctx.response(), new HttpProblem(401, "The bearer token is invalid or has expired"));
        }
        // Handlers that read the body set theirs up and resumed it already; for the others it is let go.
        if (paused) request.resume();
      });
      return;
    }
    Caller caller = SessionCaller.of(ctx);
    if (caller.isSignedIn() && revocations.revokedHere(caller.id(), SessionCaller.signedInAt(ctx.session()))) {
      // Disabled, a new password or new roles since this browser signed in: signed out.
      ctx.session().destroy();
      caller = Caller.ANONYMOUS;
    }
    proceed(ctx, caller);
  }

  private static void proceed(RoutingContext ctx, Caller caller) {
    ctx.put(KEY, caller);
    ContextInternal context = (ContextInternal) Vertx.currentContext();
    if (context != null && context.isDuplicate()) {
      CallerContext.set(context, caller);
    }
    ctx.next();
  }
}
