package dev.verve.auth;

import dev.verve.auth.impl.CallerHandler;
import dev.verve.auth.impl.SessionCaller;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

/**
 * Sign-in for a Verve app, from {@code verve.auth(accounts, options)}: sessions (vertx-web's
 * {@code SessionHandler}, a clustered store when the event bus is clustered), {@code GET/POST /login},
 * {@code POST /logout}, {@code POST /auth/token} and bearer tokens on every request.
 */
public interface Auth {

  /** Where the sign-in form is: {@value}. */
  String LOGIN = "/login";

  /**
   * Signs {@code caller} in on this browser: a new session id (the old one is never reused), the caller
   * in the session. For an app's own routes, such as a sign-up that signs the new user in.
   */
  Future<Void> signIn(RoutingContext ctx, Caller caller);

  /** A bearer token for {@code caller}, valid for {@code auth.tokenTtl} seconds. */
  String token(Caller caller);

  /** Where the sign-up form is: {@value}. */
  String SIGNUP = "/signup";

  /**
   * Adds the sign-up form: {@code GET /signup} (the app's {@code templates/signup.hbs}) and
   * {@code POST /signup} with {@code username} (3 to 32 of {@code A-Z a-z 0-9 _ . -}), {@code password}
   * (8 to 128 characters) and {@code returnTo}. A new user is created by {@link Accounts#signUp} and signed
   * in at once.
   */
  Auth allowSignUp();

  /**
   * The built-in accounts sign-in checks, for the app's admin code (create, disable, change a password, set
   * roles); fails with {@link IllegalStateException} when the app signs in with {@link Accounts} of its own.
   */
  Users users();

  /** The caller of this request: from its bearer token or its session, else anonymous. */
  static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CallerHandler.KEY);
    return caller == null ? Caller.ANONYMOUS : caller;
  }

  /** The caller signed in on a browser's session (a bridge socket's): anonymous for none or a signed-out one. */
  static Caller caller(Session session) {
    return SessionCaller.of(session);
  }
}
