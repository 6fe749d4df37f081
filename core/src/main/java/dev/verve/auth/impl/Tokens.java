package dev.verve.auth.impl;

import dev.verve.auth.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.auth.prng.VertxContextPRNG;

import java.util.ArrayList;
import java.util.logging.Logger;

/**
 * Bearer tokens: JWTs (HS256, vertx-auth-jwt) carrying the caller, always with an expiry ({@code exp}); a token
 * without one is refused, however well signed. A token revoked at sign-out is refused until it would have
 * expired, on every node: the revocations live in Vert.x's shared data, cluster-wide when clustered. So
 * does a user's, signed out everywhere ({@link UserRevocations}): every token signed before it is refused.
 */
final class Tokens {

  private static final String REVOKED = "verve.auth.revoked";
  private static final String SIGNED_AT = "sat";

  private static final Logger LOG = Logger.getLogger(Tokens.class.getName());

  private final Vertx vertx;
  private final JWTAuth jwt;
  private final long ttlSeconds;
  private final UserRevocations users;

  Tokens(Vertx vertx, String key, long ttlSeconds) {
    this.vertx = vertx;
    this.ttlSeconds = ttlSeconds;
    this.users = UserRevocations.of(vertx);
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
    // A random id: two tokens for the same user in the same second are two tokens, each revoked on its own.
    JsonObject claims = new JsonObject().put("sub", caller.id()).put("name", caller.name())
      .put("roles", new JsonArray(new ArrayList<>(caller.roles())))
      .put("jti", VertxContextPRNG.current(vertx).nextString(16))
      // When it was signed, to the millisecond (iat has seconds): a user signed out everywhere after it refuses it.
      .put(SIGNED_AT, System.currentTimeMillis());
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) ttlSeconds));
  }

  Future<Caller> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      if (!(user.attributes().getValue("exp") instanceof Number)) {
        return Future.failedFuture(new IllegalArgumentException("a token without an expiry"));
      }
      Caller caller = Caller.fromJson(new JsonObject().put("id", user.principal().getValue("sub"))
        .put("name", user.principal().getValue("name")).put("roles", user.principal().getValue("roles")));
      if (!caller.isSignedIn()) return Future.failedFuture(new IllegalArgumentException("a token without a user"));
      Object signedAt = user.principal().getValue(SIGNED_AT);
      return revoked().compose(map -> map.get(signature(token))).compose(revoked -> revoked != null
        ? Future.succeededFuture(true)
        : users.revoked(caller.id(), signedAt instanceof Number ? ((Number) signedAt).longValue() : 0))
        .compose(revoked -> revoked ? Future.failedFuture(new IllegalArgumentException("a revoked token"))
          : Future.succeededFuture(caller));
    });
  }

  /** Refuses {@code token} from now on, until it would have expired; fails if it does not verify. */
  Future<Void> revoke(String token) {
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      long expiresInMs = ((Number) user.attributes().getValue("exp")).longValue() * 1000 - System.currentTimeMillis();
      return revoked().compose(map -> map.put(signature(token), Boolean.TRUE, Math.max(1000, expiresInMs + 1000)));
    });
  }

  private Future<AsyncMap<String, Boolean>> revoked() {
    return vertx.sharedData().getAsyncMap(REVOKED);
  }

  // A token's signature identifies it: the same claims signed at another second make another token.
  private static String signature(String token) {
    return token.substring(token.lastIndexOf('.') + 1);
  }
}
