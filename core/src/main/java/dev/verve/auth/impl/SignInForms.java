package dev.verve.auth.impl;

import dev.verve.auth.Auth;
import dev.verve.auth.FormRenderer;
import dev.verve.auth.Users;
import dev.verve.http.ClientAddress;
import dev.verve.http.HttpProblem;
import dev.verve.http.ReturnTo;
import dev.verve.http.Sessions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The sign-in, sign-up and sign-out forms, which work without JavaScript: a form posted, then {@code 303}
 * to {@code returnTo} (a path on this site) on success, or the form again with the reason and the
 * username typed.
 */
final class SignInForms {

  private static final String LOGIN_TEMPLATE = "login";
  private static final String SIGNUP_TEMPLATE = "signup";
  private static final String USERNAME = "username";
  private static final String PASSWORD = "password";

  private final AuthImpl auth;
  private final CredentialCheck credentials;
  private final FormRenderer forms;
  private final Tokens tokens;
  private final List<String> trustedProxies;
  private final PasswordRule passwordRule;

  SignInForms(AuthImpl auth, CredentialCheck credentials, FormRenderer forms, Tokens tokens, List<String> trustedProxies,
              PasswordRule passwordRule) {
    this.auth = auth;
    this.passwordRule = passwordRule;
    this.tokens = tokens;
    this.trustedProxies = trustedProxies;
    this.credentials = credentials;
    this.forms = forms;
  }

  void loginPage(RoutingContext ctx) {
    show(ctx, LOGIN_TEMPLATE, 200, ctx.queryParams().get("returnTo"), "", null, Map.of());
  }

  void signUpPage(RoutingContext ctx) {
    show(ctx, SIGNUP_TEMPLATE, 200, ctx.queryParams().get("returnTo"), "", null, Map.of());
  }

  void login(RoutingContext ctx) {
    String username = trimmed(ctx.request().getFormAttribute("username"));
    String password = ctx.request().getFormAttribute("password");
    String returnTo = ctx.request().getFormAttribute("returnTo");
    Map<String, String> errors = new HashMap<>();
    if (username.isEmpty()) errors.put(USERNAME, "Enter your username.");
    if (password == null || password.isEmpty()) errors.put(PASSWORD, "Enter your password.");
    if (!errors.isEmpty()) {
      show(ctx, LOGIN_TEMPLATE, 400, returnTo, username, "Enter your username and password.", errors);
      return;
    }
    credentials.check(username, password, ClientAddress.of(ctx.request(), trustedProxies)).onComplete(ar -> {
      if (ar.failed()) {
        HttpProblem problem = CredentialCheck.problem(ar.cause());
        if (problem.status() == 429) ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter()));
        show(ctx, LOGIN_TEMPLATE, problem.status(), returnTo, username, problem.getMessage(), Map.of());
        return;
      }
      auth.signIn(ctx, ar.result());
      ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, ReturnTo.safe(returnTo)).end();
    });
  }

  void signUp(RoutingContext ctx) {
    String username = trimmed(ctx.request().getFormAttribute("username"));
    String password = ctx.request().getFormAttribute("password");
    String returnTo = ctx.request().getFormAttribute("returnTo");
    Map<String, String> errors = new HashMap<>();
    String badName = Users.usernameProblem(username);
    if (badName != null) errors.put(USERNAME, badName);
    String badPassword = passwordRule.problem(password);
    if (badPassword != null) errors.put(PASSWORD, badPassword);
    if (!errors.isEmpty()) {
      show(ctx, SIGNUP_TEMPLATE, 400, returnTo, username, String.join(" ", errors.values()), errors);
      return;
    }
    credentials.signUp(username, password).onComplete(ar -> {
      if (ar.failed()) {
        HttpProblem problem = CredentialCheck.problem(ar.cause());
        show(ctx, SIGNUP_TEMPLATE, problem.status(), returnTo, username, problem.getMessage(), Map.of());
      } else if (ar.result() == null) {
        String taken = "The username " + username + " is taken.";
        show(ctx, SIGNUP_TEMPLATE, 409, returnTo, username, taken, Map.of(USERNAME, taken));
      } else {
        auth.signIn(ctx, ar.result());
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, ReturnTo.safe(returnTo)).end();
      }
    });
  }

  void logout(RoutingContext ctx) {
    if (ctx.request().getCookie(Sessions.COOKIE) != null && ctx.session() != null) {
      ctx.session().destroy();
    }
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/").end();
      return;
    }
    // Signing out with a token (it verified on the way in): that token is refused from now on, everywhere.
    tokens.revoke(authorization.substring(7).trim()).onComplete(ar -> {
      if (ar.succeeded()) ctx.response().setStatusCode(204).end();
      else ctx.fail(CredentialCheck.problem(ar.cause()));
    });
  }

  // The templates' variables, as the README lists them: caller, returnTo, returnToQuery, username, error,
  // formError, errors.username, errors.password, signUp, passwordMinLength, passwordMaxLength.
  private void show(RoutingContext ctx, String template, int status, String returnTo, String username, String error,
                    Map<String, String> errors) {
    Map<String, Object> model = new HashMap<>();
    String safe = ReturnTo.safe(returnTo);
    model.put("caller", Auth.caller(ctx).toView().getMap());
    model.put("returnTo", safe);
    model.put("returnToQuery", safe.equals("/") ? "" : "?returnTo=" + URLEncoder.encode(safe, StandardCharsets.UTF_8));
    model.put("username", username);
    model.put("error", error);
    model.put("errors", errors);
    // The message that belongs to no one field (wrong credentials, too many tries): the others are next to theirs.
    model.put("formError", errors.isEmpty() ? error : null);
    model.put("signUp", auth.signUpAllowed());
    model.put("passwordMinLength", passwordRule.min);
    model.put("passwordMaxLength", passwordRule.max);
    forms.render(template, model).onComplete(ar -> {
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
}
