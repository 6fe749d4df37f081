package dev.verve.auth.impl;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;

/** vertx-web's {@code SessionHandler} once sign-in is configured; nothing before (no cookie for apps without it). */
public final class SessionGate implements Handler<RoutingContext> {

  private volatile SessionHandler sessions;

  void enable(SessionHandler sessions) {
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    SessionHandler current = sessions;
    if (current == null) {
      ctx.next();
    } else {
      current.handle(ctx);
    }
  }
}
