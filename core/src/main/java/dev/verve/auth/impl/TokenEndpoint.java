package dev.verve.auth.impl;

import dev.verve.http.ClientAddress;
import dev.verve.http.HttpProblem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;

/** {@code POST /auth/token} with JSON {@code {"username", "password"}}: {@code {"token", "expiresIn"}}. */
final class TokenEndpoint implements Handler<RoutingContext> {

  private final CredentialCheck credentials;
  private final Tokens tokens;
  private final List<String> trustedProxies;

  TokenEndpoint(CredentialCheck credentials, Tokens tokens, List<String> trustedProxies) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.trustedProxies = trustedProxies;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
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
    credentials.check(body.getString("username").trim(), body.getString("password"),
      ClientAddress.of(ctx.request(), trustedProxies)).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(CredentialCheck.problem(ar.cause()));
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject().put("token", tokens.create(ar.result())).put("expiresIn", tokens.ttlSeconds()).encode());
    });
  }
}
