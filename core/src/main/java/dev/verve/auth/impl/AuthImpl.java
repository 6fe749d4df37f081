package dev.verve.auth.impl;

import dev.verve.auth.Accounts;
import dev.verve.auth.Auth;
import dev.verve.auth.AuthOptions;
import dev.verve.auth.Caller;
import dev.verve.db.Database;
import dev.verve.http.impl.HttpProblem;
import dev.verve.http.impl.OriginGuard;
import dev.verve.http.impl.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * Sessions, the sign-in form, sign-out and bearer tokens. Passwords are checked by the app's
 * {@link Accounts}; hashing and tokens are vertx-auth's, sessions vertx-web's.
 */
public final class AuthImpl implements Auth {

  private static final Logger LOG = Logger.getLogger(Auth.class.getName());
  static final String SESSION_KEY = "verve.caller";
  public static final String SESSION_COOKIE = "verve.session";
  private static final String LOGIN_TEMPLATE = "login";
  private static final int FORM_LIMIT = 16 * 1024;

  private static final String SIGNUP_TEMPLATE = "signup";
  private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{3,32}");

  private final AuthOptions options;
  private Router router;
  private boolean signUpMounted;
  private final Accounts accounts;
  private final JWTAuth jwt;
  private final SignInThrottle throttle;
  private final BiFunction<Map<String, Object>, String, Future<Buffer>> render;

  public AuthImpl(Vertx vertx, AuthOptions options, Accounts accounts,
                  BiFunction<Map<String, Object>, String, Future<Buffer>> render) {
    this.options = options;
    this.accounts = accounts;
    this.render = render;
    this.throttle = new SignInThrottle(vertx, options.getMaxFailures(), options.getFailureWindowSeconds());
    String key = options.getTokenKey();
    if (key == null) {
      key = VertxContextPRNG.current(vertx).nextString(48);
      LOG.warning("No auth.tokenKey configured: bearer tokens are signed with a key made at start, so they stop"
        + " working when this node restarts and no other node accepts them. Configure auth.tokenKey (the same"
        + " on every web node) for a cluster.");
    }
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)));
  }

  /** Turns sessions and tokens on and mounts the sign-in routes. */
  public synchronized void mount(Router router, SessionGate gate, CallerHandler callers) {
    this.router = router;
    gate.enable(options.isSecureCookie(), options.getSessionTimeoutMs());
    callers.enable(this);
    // Only this site may sign in, out or get a token: these are what a cross-site page would forge.
    OriginGuard sameOrigin = new OriginGuard(List.of());
    BodyHandler form = BodyHandler.create(false).setBodyLimit(FORM_LIMIT);
    // Guard and body on routes of their own: vertx-web wants a body handler first on its route.
    for (String path : List.of(LOGIN, "/logout", "/auth/token")) {
      router.post(path).handler(sameOrigin);
      router.post(path).handler(form);
      router.route(path).failureHandler(Problems::handleFailure);
    }
    router.get(LOGIN).handler(this::loginPage);
    router.post(LOGIN).handler(this::login);
    router.post("/logout").handler(this::logout);
    router.post("/auth/token").handler(this::tokenRequest);
  }

  @Override
  public Future<Void> signIn(RoutingContext ctx, Caller caller) {
    if (!caller.isSignedIn()) return Future.failedFuture(new IllegalArgumentException("cannot sign in anonymous"));
    Session session = ctx.session();
    // A new id at sign-in: an id planted before (session fixation) is worth nothing after.
    session.regenerateId();
    session.put(SESSION_KEY, caller.toJson());
    ctx.put(CallerHandler.KEY, caller);
    return Future.succeededFuture();
  }

  @Override
  public String token(Caller caller) {
    JsonObject claims = new JsonObject().put("sub", caller.id()).put("name", caller.name())
      .put("roles", new JsonArray(new ArrayList<>(caller.roles())));
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256")
      .setExpiresInSeconds((int) options.getTokenTtlSeconds()));
  }

  @Override
  public synchronized Auth allowSignUp() {
    if (router == null) throw new IllegalStateException("mount first");
    if (!signUpMounted) {
      signUpMounted = true;
      router.post(SIGNUP).handler(new OriginGuard(List.of()));
      router.post(SIGNUP).handler(BodyHandler.create(false).setBodyLimit(FORM_LIMIT));
      router.route(SIGNUP).failureHandler(Problems::handleFailure);
      router.get(SIGNUP).handler(ctx -> showForm(ctx, SIGNUP_TEMPLATE, 200, ctx.queryParams().get("returnTo"), "", null));
      router.post(SIGNUP).handler(this::signUp);
    }
    return this;
  }

  Future<Caller> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).map(user -> {
      Caller caller = Caller.fromJson(new JsonObject().put("id", user.principal().getValue("sub"))
        .put("name", user.principal().getValue("name")).put("roles", user.principal().getValue("roles")));
      if (!caller.isSignedIn()) throw new IllegalArgumentException("a token without a user");
      return caller;
    });
  }

  Caller fromSession(RoutingContext ctx) {
    // No cookie, no session: asking for one would create it.
    if (ctx.request().getCookie(SESSION_COOKIE) == null) return Caller.ANONYMOUS;
    return fromSession(ctx.session());
  }

  /** The caller signed in on {@code session}; anonymous for none, or a destroyed one (signed out). */
  public static Caller fromSession(Session session) {
    if (session == null || session.isDestroyed()) return Caller.ANONYMOUS;
    Object json = session.get(SESSION_KEY);
    return json instanceof JsonObject ? Caller.fromJson((JsonObject) json) : Caller.ANONYMOUS;
  }

  // ---- the sign-in form (works without JavaScript) -------------------------------------------------

  private void loginPage(RoutingContext ctx) {
    showLogin(ctx, 200, ctx.queryParams().get("returnTo"), "", null);
  }

  private void login(RoutingContext ctx) {
    String username = trimmed(ctx.request().getFormAttribute("username"));
    String password = ctx.request().getFormAttribute("password");
    String returnTo = ctx.request().getFormAttribute("returnTo");
    if (username.isEmpty() || password == null || password.isEmpty()) {
      showLogin(ctx, 400, returnTo, username, "Enter your username and password.");
      return;
    }
    check(username, password).onComplete(ar -> {
      if (ar.failed()) {
        HttpProblem problem = problem(ar.cause());
        if (problem.status() == 429) ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter()));
        showLogin(ctx, problem.status(), returnTo, username, problem.getMessage());
        return;
      }
      signIn(ctx, ar.result());
      ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, ReturnTo.safe(returnTo)).end();
    });
  }

  private void signUp(RoutingContext ctx) {
    String username = trimmed(ctx.request().getFormAttribute("username"));
    String password = ctx.request().getFormAttribute("password");
    String returnTo = ctx.request().getFormAttribute("returnTo");
    String invalid = !USERNAME.matcher(username).matches()
      ? "A username has 3 to 32 letters, digits, '_', '.' or '-'."
      : password == null || password.length() < 8 || password.length() > 128
      ? "A password has 8 to 128 characters." : null;
    if (invalid != null) {
      showForm(ctx, SIGNUP_TEMPLATE, 400, returnTo, username, invalid);
      return;
    }
    accounts.signUp(username, password).onComplete(ar -> {
      if (ar.failed()) {
        HttpProblem problem = problem(ar.cause());
        showForm(ctx, SIGNUP_TEMPLATE, problem.status(), returnTo, username, problem.getMessage());
      } else if (ar.result() == null) {
        showForm(ctx, SIGNUP_TEMPLATE, 409, returnTo, username, "The username " + username + " is taken.");
      } else {
        signIn(ctx, ar.result());
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, ReturnTo.safe(returnTo)).end();
      }
    });
  }

  private void logout(RoutingContext ctx) {
    if (ctx.request().getCookie(SESSION_COOKIE) != null && ctx.session() != null) {
      ctx.session().destroy();
    }
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/").end();
  }

  private void tokenRequest(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      ctx.fail(new HttpProblem(415, "Send {\"username\": ..., \"password\": ...} as application/json"));
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null || !(body.getValue("username") instanceof String) || !(body.getValue("password") instanceof String)) {
      ctx.fail(new HttpProblem(400, "The body must be a JSON object with the strings \"username\" and \"password\""));
      return;
    }
    check(body.getString("username").trim(), body.getString("password")).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(problem(ar.cause()));
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject().put("token", token(ar.result())).put("expiresIn", options.getTokenTtlSeconds()).encode());
    });
  }

  /** The caller these credentials belong to; fails with the problem to answer (401, 429, 503...). */
  private Future<Caller> check(String username, String password) {
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

  private static HttpProblem problem(Throwable failure) {
    if (failure instanceof HttpProblem) return (HttpProblem) failure;
    if (Database.isUnavailable(failure)) return new HttpProblem(503, "Signing in is not possible right now; try again soon.");
    return Problems.internalError(failure, "sign-in");
  }

  private void showLogin(RoutingContext ctx, int status, String returnTo, String username, String error) {
    showForm(ctx, LOGIN_TEMPLATE, status, returnTo, username, error);
  }

  private void showForm(RoutingContext ctx, String template, int status, String returnTo, String username, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("caller", Auth.caller(ctx).toView().getMap());
    model.put("returnTo", ReturnTo.safe(returnTo));
    model.put("username", username);
    model.put("error", error);
    render.apply(model, template).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(ar.result());
    });
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.trim();
  }

  private static String minutes(long seconds) {
    long m = (seconds + 59) / 60;
    return m <= 1 ? "a minute" : m + " minutes";
  }
}
