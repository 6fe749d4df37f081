package dev.verve.auth.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Users signed out everywhere (disabled, a new password, new roles): what they signed in with before that
 * moment is refused. Bearer tokens ask the cluster-wide map, as they ask for revoked tokens; sessions ask a
 * copy every node keeps from the published revocations, so a request with a session costs no remote call.
 * One per Vert.x.
 */
final class UserRevocations implements Shareable {

  private static final String MAP = "verve.auth.users";
  private static final String ADDRESS = "verve.auth.users.revoked";
  // Longer than any token or session lives unless it is used all along: a week.
  private static final long KEEP_MS = TimeUnit.DAYS.toMillis(7);

  private final Vertx vertx;
  private final Map<String, Long> local = new ConcurrentHashMap<>();

  private UserRevocations(Vertx vertx) {
    this.vertx = vertx;
  }

  static UserRevocations of(Vertx vertx) {
    LocalMap<String, UserRevocations> map = vertx.sharedData().getLocalMap("verve.auth");
    UserRevocations created = new UserRevocations(vertx);
    UserRevocations existing = map.putIfAbsent("userRevocations", created);
    if (existing != null) return existing;
    vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> created.remember(message.body()));
    return created;
  }

  /** Signs the user {@code id} out everywhere, now. */
  Future<Void> revoke(String id) {
    long now = System.currentTimeMillis();
    JsonObject revocation = new JsonObject().put("id", id).put("at", now);
    remember(revocation);
    return map().compose(map -> map.put(id, now, KEEP_MS))
      .onSuccess(v -> vertx.eventBus().publish(ADDRESS, revocation));
  }

  /** Whether what user {@code id} signed in with at {@code signedInAt} (ms) is revoked; this node's copy. */
  boolean revokedHere(String id, long signedInAt) {
    Long at = local.get(id);
    return at != null && signedInAt <= at;
  }

  /** Whether what user {@code id} signed in with at {@code signedInAt} (ms) is revoked, asking the cluster. */
  Future<Boolean> revoked(String id, long signedInAt) {
    if (revokedHere(id, signedInAt)) return Future.succeededFuture(true);
    return map().compose(map -> map.get(id)).map(at -> at != null && signedInAt <= at);
  }

  private void remember(JsonObject revocation) {
    local.merge(revocation.getString("id"), revocation.getLong("at"), Math::max);
  }

  private Future<AsyncMap<String, Long>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }
}
