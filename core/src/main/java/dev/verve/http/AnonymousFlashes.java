package dev.verve.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flashes of visitors without a session: kept here, under a random id in a cookie of their own, instead
 * of in a new session each. A visitor who posts forms all day, or a script that posts 50,000 of them, costs
 * at most {@link #MAX_ENTRIES} small entries ({@link #MAX_BYTES} each) for {@link #TTL_MS}: the oldest go
 * first. One store per Vert.x instance (its web node): behind a load balancer without sticky sessions the
 * page after a post may be served by another node, which then has no flash to show.
 */
final class AnonymousFlashes implements Shareable {

  static final String COOKIE = "verve.flash";
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_BYTES = 2048;
  static final long TTL_MS = 60_000;

  private static final SecureRandom IDS = new SecureRandom();

  private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private record Entry(byte[] json, long expires) {
  }

  static AnonymousFlashes of(Vertx vertx) {
    LocalMap<String, AnonymousFlashes> map = vertx.sharedData().getLocalMap("verve.anonymousFlashes");
    return map.computeIfAbsent("store", k -> new AnonymousFlashes());
  }

  /** Keeps {@code flash} (trimmed to {@link #MAX_BYTES}) and sets the cookie that brings it back. */
  void put(RoutingContext ctx, JsonObject flash) {
    byte[] json = trimmed(flash);
    byte[] random = new byte[16];
    IDS.nextBytes(random);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    long now = System.currentTimeMillis();
    synchronized (entries) {
      entries.put(id, new Entry(json, now + TTL_MS));
    }
    ctx.response().addCookie(Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true)
      .setSameSite(CookieSameSite.LAX).setSecure(ctx.request().isSSL()).setMaxAge(TTL_MS / 1000));
  }

  /** The flash of this request's cookie, removed (and the cookie with it); {@code null} if none or expired. */
  JsonObject take(RoutingContext ctx, String id) {
    ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
    Entry entry;
    synchronized (entries) {
      entry = entries.remove(id);
    }
    if (entry == null || entry.expires < System.currentTimeMillis()) return null;
    return new JsonObject(new String(entry.json, StandardCharsets.UTF_8));
  }

  // What the page needs most stays: the problem first, then the result, then the typed values.
  private static byte[] trimmed(JsonObject flash) {
    JsonObject kept = flash.copy();
    byte[] json = kept.encode().getBytes(StandardCharsets.UTF_8);
    for (String dropped : new String[]{"values", "result", "problem"}) {
      if (json.length <= MAX_BYTES) break;
      kept.remove(dropped);
      json = kept.encode().getBytes(StandardCharsets.UTF_8);
    }
    return json;
  }

  /** Entries kept now (for tests and metrics). */
  int size() {
    synchronized (entries) {
      long now = System.currentTimeMillis();
      entries.values().removeIf(e -> e.expires < now);
      return entries.size();
    }
  }
}
