package dev.verve.auth.impl;

import dev.verve.auth.Auth;
import dev.verve.auth.FormRenderer;
import dev.verve.http.ClientAddress;
import dev.verve.http.HttpProblem;
import dev.verve.http.ReturnTo;
import dev.verve.http.Sessions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sign-in, sign-up and sign-out forms, which work without JavaScript: a form posted, then {@code 303}
 * to {@code returnTo} (a path on this site) on success, or the form again with the reason and the
 * username typed.
 */
final class SignInForms {

  private static final String LOGIN_TEMPLATE = "login";
  private static final String SIGNUP_TEMPLATE = "signup";
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

  private final AuthImpl auth;
  private final CredentialCheck credentials;
  private final FormRenderer forms;
  private final Tokens tokens;
  private final List<String> trustedProxies;

  SignInForms(AuthImpl auth, CredentialCheck credentials, FormRenderer forms, Tokens tokens, List<String> trustedProxies) {
    this.auth = auth;
    this.tokens = tokens;
    this.trustedProxies = trustedProxies;
    this.credentials = credentials;
    this.forms = forms;
  }

  void loginPage(RoutingContext ctx) {
    show(ctx, LOGIN_TEMPLATE, 200, ctx.queryParams().get("returnTo"), "", null);
  }

  void signUpPage(RoutingContext ctx) {
    show(ctx, SIGNUP_TEMPLATE, 200, ctx.queryParams().get("returnTo"), "", null);
  }

  void login(RoutingContext ctx) {
    String username = trimmed(ctx.request().getFormAttribute("username"));
    String password = ctx.request().getFormAttribute("password");
    String returnTo = ctx.request().getFormAttribute("returnTo");
    if (username.isEmpty() || password == null || password.isEmpty()) {
      show(ctx, LOGIN_TEMPLATE, 400, returnTo, username, "Enter your username and password.");
      return;
    }
    credentials.check(username, password, ClientAddress.of(ctx.request(), trustedProxies)).onComplete(ar -> {
      if (ar.failed()) {
        HttpProblem problem = CredentialCheck.problem(ar.cause());
        if (problem.status() == 429) ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter()));
        show(ctx, LOGIN_TEMPLATE, problem.status(), returnTo, username, problem.getMessage());
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
    String invalid = !USERNAME.matcher(username).matches()
      ? "A username has 3 to 32 letters, digits, '_', '.' or '-'."
      : password == null || password.length() < 8 || password.length() > 128
      ? "A password has 8 to 128 characters." : null;
    if (invalid != null) {
      show(ctx, SIGNUP_TEMPLATE, 400, returnTo, username, invalid);
      return;
    }
    credentials.signUp(username, password).onComplete(ar -> {
      if (ar.failed()) {
        HttpProblem problem = CredentialCheck.problem(ar.cause());
        show(ctx, SIGNUP_TEMPLATE, problem.status(), returnTo, username, problem.getMessage());
      } else if (ar.result() == null) {
        show(ctx, SIGNUP_TEMPLATE, 409, returnTo, username, "The username " + username + " is taken.");
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

  // The template's variables: caller, returnTo, username, error.
  private void show(RoutingContext ctx, String template, int status, String returnTo, String username, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("caller", Auth.caller(ctx).toView().getMap());
    model.put("returnTo", ReturnTo.safe(returnTo));
    model.put("username", username);
    model.put("error", error);
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
