package dev.verve.auth.impl;

import dev.verve.auth.Accounts;
import dev.verve.auth.Caller;
import dev.verve.db.Database;
import dev.verve.http.HttpProblem;
import dev.verve.http.Problems;
import io.vertx.core.Future;

/**
 * Checks a username and password for the sign-in form and the token endpoint alike: the throttle first
 * (429), then the app's {@link Accounts} (401 for wrong credentials, counted as a failure); an outage is a
 * 503, never a failure counted against the username.
 */
final class CredentialCheck {

  private final Accounts accounts;
  private final SignInThrottle throttle;

  CredentialCheck(Accounts accounts, SignInThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
  }

  /** The caller these credentials belong to; fails with the problem to answer (401, 429, 503...). */
  Future<Caller> check(String username, String password) {
    return throttle.retryAfter(username).compose(wait -> {
      if (wait > 0) {
        return Future.failedFuture(new HttpProblem(429, "Too many failed sign-ins for this username; try again in "
          + minutes(wait) + ".").retryAfter(wait));
      }
      return accounts.authenticate(username, password).compose(caller -> {
        if (caller == null || !caller.isSignedIn()) {
          return throttle.failed(username).compose(v ->
            Future.failedFuture(new HttpProblem(401, "Wrong username or password.")));
        }
        return throttle.succeeded(username).map(caller);
      });
    });
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
