package dev.verve.auth.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.shareddata.AsyncMap;

import java.util.Locale;

/**
 * Counts failed sign-ins in Vert.x's shared data, which is cluster-wide when the event bus is clustered:
 * guessing through several web nodes counts on all of them. Two counts, each over the window: per username
 * and client address (past {@code maxFailures}, that address may not try that name; the name's owner, from
 * anywhere else, still signs in), and per client address across names (past {@code maxPerAddress}, one
 * password sprayed over many names stops). A refusal (429) lasts until the oldest counted failure leaves the
 * window.
 */
final class SignInThrottle {

  private final Vertx vertx;
  private final int maxFailures;
  private final int maxPerAddress;
  private final long windowMs;

  SignInThrottle(Vertx vertx, int maxFailures, int maxPerAddress, long windowSeconds) {
    this.vertx = vertx;
    this.maxFailures = maxFailures;
    this.maxPerAddress = maxPerAddress;
    this.windowMs = windowSeconds * 1000;
  }

  /**
   * Seconds to wait before this address tries this username again (0 when a try is allowed now), and the
   * address's recent failures (its place among waiting password checks).
   */
  Future<Verdict> verdict(String username, String address) {
    return failures().compose(map -> map.get(accountKey(username, address)).compose(account ->
      map.get(addressKey(address)).map(all ->
        new Verdict(Math.max(wait(account, maxFailures), wait(all, maxPerAddress)), recent(all).size()))));
  }

  static final class Verdict {
    final long retryAfter;
    final int addressFailures;

    Verdict(long retryAfter, int addressFailures) {
      this.retryAfter = retryAfter;
      this.addressFailures = addressFailures;
    }
  }

  Future<Void> failed(String username, String address) {
    return failures().compose(map -> add(map, accountKey(username, address)).compose(v -> add(map, addressKey(address))));
  }

  Future<Void> succeeded(String username, String address) {
    return failures().compose(map -> map.remove(accountKey(username, address))).mapEmpty();
  }

  private Future<Void> add(AsyncMap<String, JsonArray> map, String key) {
    return map.get(key).compose(list -> map.put(key, recent(list).add(System.currentTimeMillis()), windowMs));
  }

  private long wait(JsonArray list, int max) {
    JsonArray recent = recent(list);
    if (recent.size() < max) return 0L;
    long oldest = recent.getLong(recent.size() - max);
    return Math.max(1, (oldest + windowMs - System.currentTimeMillis() + 999) / 1000);
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

  private static String accountKey(String username, String address) {
    return "name:" + username.trim().toLowerCase(Locale.ROOT) + "|" + address;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
