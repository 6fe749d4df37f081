package dev.verve.auth.impl;

import dev.verve.auth.Caller;
import dev.verve.http.impl.HttpProblem;
import dev.verve.http.impl.Problems;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every request: who is asking. A bearer token ({@code Authorization: Bearer ...})
 * wins, then the session; else the caller is anonymous. The caller goes into the routing context and into
 * the request's context, so a page's sources and the function calls they make act for the same user.
 * A token that does not verify is a 401 at once, never an anonymous call.
 */
public final class CallerHandler implements Handler<RoutingContext> {

  public static final String KEY = "verve.caller";

  private volatile AuthImpl auth;

  /** Sign-in was configured: from now on tokens and sessions are read. */
  public void enable(AuthImpl auth) {
    this.auth = auth;
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
      current.verify(authorization.substring(7).trim()).onComplete(ar -> {
        if (ar.succeeded()) {
          proceed(ctx, ar.result());
        } else {
          ctx.response().putHeader(io.netty.handler.codec.http.HttpHeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
          Problems.send(ctx.response(), new HttpProblem(401, "The bearer token is invalid or has expired"));
        }
      });
      return;
    }
    proceed(ctx, current.fromSession(ctx));
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
