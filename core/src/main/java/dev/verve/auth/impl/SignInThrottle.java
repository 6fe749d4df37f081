package dev.verve.auth.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.shareddata.AsyncMap;

import java.util.Locale;

/**
 * Counts failed sign-ins per username in Vert.x's shared data, which is cluster-wide when the event bus is
 * clustered: guessing a password through several web nodes counts on all of them. Past
 * {@code maxFailures} within the window, sign-ins for that username are refused (429) until the oldest
 * failure leaves the window.
 */
final class SignInThrottle {

  private final Vertx vertx;
  private final int maxFailures;
  private final long windowMs;

  SignInThrottle(Vertx vertx, int maxFailures, long windowSeconds) {
    this.vertx = vertx;
    this.maxFailures = maxFailures;
    this.windowMs = windowSeconds * 1000;
  }

  /** Seconds to wait before trying this username again; 0 when a try is allowed now. */
  Future<Long> retryAfter(String username) {
    return failures().compose(map -> map.get(key(username))).map(list -> {
      JsonArray recent = recent(list);
      if (recent.size() < maxFailures) return 0L;
      long oldest = recent.getLong(recent.size() - maxFailures);
      return Math.max(1, (oldest + windowMs - System.currentTimeMillis() + 999) / 1000);
    });
  }

  Future<Void> failed(String username) {
    return failures().compose(map -> map.get(key(username)).compose(list -> {
      JsonArray recent = recent(list).add(System.currentTimeMillis());
      return map.put(key(username), recent, windowMs);
    }));
  }

  Future<Void> succeeded(String username) {
    return failures().compose(map -> map.remove(key(username))).mapEmpty();
  }

  private Future<AsyncMap<String, JsonArray>> failures() {
    return vertx.sharedData().getAsyncMap("verve.signin.failures");
  }

  private JsonArray recent(JsonArray list) {
    JsonArray recent = new JsonArray();
    if (list == null) return recent;
    long since = System.currentTimeMillis() - windowMs;
    for (Object t : list) {
      if (t instanceof Number && ((Number) t).longValue() > since) recent.add(((Number) t).longValue());
    }
    return recent;
  }

  private static String key(String username) {
    return username.trim().toLowerCase(Locale.ROOT);
  }
}
