package dev.verve.auth;

import io.vertx.core.Future;

/**
 * The application's users, as sign-in sees them: Verve asks, the application answers from wherever it
 * keeps them (the demo: its database, with hashes from {@link Passwords}).
 */
@FunctionalInterface
public interface Accounts {

  /**
   * The user these credentials belong to, or a {@code null} result when the username is unknown or the
   * password wrong (the two must not be told apart). A failed future is an outage, not a refusal: the
   * sign-in answers 503 or 500, and no failure is counted against the username.
   */
  Future<Caller> authenticate(String username, String password);

  /**
   * Creates a user with a name and password already checked against the sign-up rules, and returns it;
   * a {@code null} result when the username is taken. Only the sign-up form ({@link Auth#allowSignUp()})
   * calls it: an app without one need not implement it.
   */
  default Future<Caller> signUp(String username, String password) {
    return Future.failedFuture(new UnsupportedOperationException("this app has no sign-up"));
  }
}
