package dev.verve.auth.impl;

import dev.verve.auth.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.auth.prng.VertxContextPRNG;

import java.util.ArrayList;
import java.util.logging.Logger;

/** Bearer tokens: JWTs (HS256, vertx-auth-jwt) carrying the caller, always with an expiry. */
final class Tokens {

  private static final Logger LOG = Logger.getLogger(Tokens.class.getName());

  private final JWTAuth jwt;
  private final long ttlSeconds;

  Tokens(Vertx vertx, String key, long ttlSeconds) {
    this.ttlSeconds = ttlSeconds;
    if (key == null) {
      key = VertxContextPRNG.current(vertx).nextString(48);
      LOG.warning("No auth.tokenKey configured: bearer tokens are signed with a key made at start, so they stop"
        + " working when this node restarts and no other node accepts them. Configure auth.tokenKey (the same"
        + " on every web node) for a cluster.");
    }
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key)));
  }

  long ttlSeconds() {
    return ttlSeconds;
  }

  String create(Caller caller) {
    JsonObject claims = new JsonObject().put("sub", caller.id()).put("name", caller.name())
      .put("roles", new JsonArray(new ArrayList<>(caller.roles())));
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) ttlSeconds));
  }

  Future<Caller> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).map(user -> {
      Caller caller = Caller.fromJson(new JsonObject().put("id", user.principal().getValue("sub"))
        .put("name", user.principal().getValue("name")).put("roles", user.principal().getValue("roles")));
      if (!caller.isSignedIn()) throw new IllegalArgumentException("a token without a user");
      return caller;
    });
  }
}
