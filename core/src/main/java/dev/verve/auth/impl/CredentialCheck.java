package dev.verve.auth.impl;

import dev.verve.auth.Accounts;
import dev.verve.auth.Caller;
import dev.verve.db.Database;
import dev.verve.http.HttpProblem;
import dev.verve.http.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Checks a username and password for the sign-in form and the token endpoint alike: the throttle first
 * (429, per name and client address, and per address), then the app's {@link Accounts} in its turn among the
 * node's password checks (503 when too many wait), 401 for wrong credentials, counted as a failure; an
 * outage is a 503, never a failure counted.
 */
final class CredentialCheck {

  private final Vertx vertx;
  private final Accounts accounts;
  private final SignInThrottle throttle;
  private final PasswordChecks checks;

  CredentialCheck(Vertx vertx, Accounts accounts, SignInThrottle throttle, PasswordChecks checks) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.throttle = throttle;
    this.checks = checks;
  }

  /**
   * The caller these credentials belong to, tried from {@code address}; fails with the problem to answer
   * (401, 429, 503...).
   */
  Future<Caller> check(String username, String password, String address) {
    return throttle.verdict(username, address).compose(verdict -> {
      long wait = verdict.retryAfter;
      if (wait > 0) {
        return Future.failedFuture(new HttpProblem(429, "Too many failed sign-ins; try again in "
          + minutes(wait) + ".").retryAfter(wait));
      }
      // An address that keeps failing waits behind those that do not.
      return checks.run(vertx, verdict.addressFailures, () -> accounts.authenticate(username, password)).compose(caller -> {
        if (caller == null || !caller.isSignedIn()) {
          return throttle.failed(username, address).compose(v ->
            Future.failedFuture(new HttpProblem(401, "Wrong username or password.")));
        }
        return throttle.succeeded(username, address).map(caller);
      });
    });
  }

  /** A sign-up: it hashes the new password, so it takes its turn among the password checks. */
  Future<Caller> signUp(String username, String password) {
    return checks.run(vertx, 0, () -> accounts.signUp(username, password));
  }

  /** What to answer for a failed check or sign-up. */
  static HttpProblem problem(Throwable failure) {
    if (failure instanceof HttpProblem) return (HttpProblem) failure;
    if (Database.isUnavailable(failure)) return new HttpProblem(503, "Signing in is not possible right now; try again soon.");
    return Problems.internalError(failure, "sign-in");
  }

  private static String minutes(long seconds) {
    long m = (seconds + 59) / 60;
    return m <= 1 ? "a minute" : m + " minutes";
  }
}
