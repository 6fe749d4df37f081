package dev.verve.auth.impl;

import dev.verve.auth.Accounts;
import dev.verve.auth.Auth;
import dev.verve.auth.AuthOptions;
import dev.verve.auth.Caller;
import dev.verve.auth.FormRenderer;
import dev.verve.auth.Users;
import dev.verve.http.OriginGuard;
import dev.verve.http.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;

/**
 * Sign-in once turned on: the routes of the forms ({@link SignInForms}) and of the token endpoint
 * ({@link TokenEndpoint}), each behind the same-origin guard and a small body limit. Passwords are checked
 * by the app's {@link Accounts} through {@link CredentialCheck}; tokens are {@link Tokens}; sessions are
 * vertx-web's.
 */
final class AuthImpl implements Auth {

  private static final int FORM_LIMIT = 16 * 1024;
  private static final String LOGOUT = "/logout";
  private static final String TOKEN = "/auth/token";

  private final Tokens tokens;
  private final Accounts accounts;
  private final SignInForms forms;
  private final TokenEndpoint tokenEndpoint;
  private Router router;
  private boolean signUpMounted;

  AuthImpl(Vertx vertx, AuthOptions options, Accounts accounts, FormRenderer renderer, List<String> trustedProxies) {
    this.accounts = accounts;
    this.tokens = new Tokens(vertx, options.getTokenKey(), options.getTokenTtlSeconds());
    CredentialCheck credentials = new CredentialCheck(vertx, accounts,
      new SignInThrottle(vertx, options.getMaxFailures(), options.getMaxFailuresPerAddress(), options.getFailureWindowSeconds()),
      PasswordChecks.of(vertx, options.getPasswordChecks(), options.getPasswordCheckQueue()));
    this.forms = new SignInForms(this, credentials, renderer, tokens, trustedProxies,
      new PasswordRule(options.getPasswordMinLength(), options.getPasswordMaxLength()));
    this.tokenEndpoint = new TokenEndpoint(credentials, tokens, trustedProxies);
  }

  Tokens tokens() {
    return tokens;
  }

  synchronized void mount(Router router) {
    this.router = router;
    for (String path : List.of(LOGIN, LOGOUT, TOKEN)) guarded(path);
    router.get(LOGIN).handler(forms::loginPage);
    router.post(LOGIN).handler(forms::login);
    router.post(LOGOUT).handler(forms::logout);
    router.post(TOKEN).handler(tokenEndpoint);
  }

  // Only this site may sign in, out, up or get a token: these are what a cross-site page would forge. Guard
  // and body on routes of their own: vertx-web wants a body handler first on its route.
  private void guarded(String path) {
    router.post(path).handler(new OriginGuard(List.of()));
    router.post(path).handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT));
    router.route(path).failureHandler(Problems::handleFailure);
  }

  @Override
  public Future<Void> signIn(RoutingContext ctx, Caller caller) {
    if (!caller.isSignedIn()) return Future.failedFuture(new IllegalArgumentException("cannot sign in anonymous"));
    Session session = ctx.session();
    // A new id at sign-in: an id planted before (session fixation) is worth nothing after.
    session.regenerateId();
    SessionCaller.put(session, caller);
    ctx.put(CallerHandler.KEY, caller);
    return Future.succeededFuture();
  }

  @Override
  public Users users() {
    if (accounts instanceof Users) return (Users) accounts;
    throw new IllegalStateException("This app signs in with Accounts of its own, not Verve's built-in users");
  }

  boolean signUpAllowed() {
    return signUpMounted;
  }

  @Override
  public String token(Caller caller) {
    return tokens.create(caller);
  }

  @Override
  public synchronized Auth allowSignUp() {
    if (!signUpMounted) {
      signUpMounted = true;
      guarded(SIGNUP);
      router.get(SIGNUP).handler(forms::signUpPage);
      router.post(SIGNUP).handler(forms::signUp);
    }
    return this;
  }
}
