package dev.verve.fn.impl;

import io.vertx.core.Vertx;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The stream settings of each Vert.x instance ({@code api.streamIdleTimeout}), for the stream proxies
 * generated code creates, which know only the Vert.x instance. Weak keys: tests make many instances.
 */
final class StreamSettings {

  static final long DEFAULT_IDLE_TIMEOUT_MS = 10_000;

  private static final Map<Vertx, Long> IDLE_TIMEOUTS = new WeakHashMap<>();

  private StreamSettings() {
  }

  static void idleTimeout(Vertx vertx, long ms) {
    synchronized (IDLE_TIMEOUTS) {
      IDLE_TIMEOUTS.put(vertx, ms);
    }
  }

  static long idleTimeout(Vertx vertx) {
    synchronized (IDLE_TIMEOUTS) {
      return IDLE_TIMEOUTS.getOrDefault(vertx, DEFAULT_IDLE_TIMEOUT_MS);
    }
  }

  /** Where the stream functions of the interface served at {@code address} are opened. */
  static String openAddress(String address) {
    int local = address.indexOf(".local.");
    return (local > 0 ? address.substring(0, local) : address) + ".streams";
  }
}
