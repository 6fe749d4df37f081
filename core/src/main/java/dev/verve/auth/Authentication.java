package dev.verve.auth;

import dev.verve.auth.impl.CallerHandler;
import dev.verve.http.Sessions;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Who is calling: the handler that runs before every function, page and bridge socket and makes the
 * request's caller known ({@link Auth#caller(RoutingContext)}, {@link Caller#current()}). Until
 * {@link #signIn} every caller is anonymous; after it, a bearer token or the session names the user.
 */
public interface Authentication extends Handler<RoutingContext> {

  /** {@code trustedProxies}: {@code http.trustedProxies}, for the client address sign-in limits count by. */
  static Authentication create(Vertx vertx, Sessions sessions, List<String> trustedProxies) {
    return new CallerHandler(vertx, sessions, trustedProxies);
  }

  /**
   * Turns sign-in on, once: sessions on every request, bearer tokens, and the routes {@code GET/POST /login},
   * {@code POST /logout} and {@code POST /auth/token} on {@code router}; the forms are rendered by
   * {@code forms}, the passwords checked by {@code accounts}.
   */
  Auth signIn(Router router, Accounts accounts, AuthOptions options, FormRenderer forms);
}
