package dev.verve.http;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node-wide bound, counted across all its Verve instances (one per event loop), so that one more than the
 * limit is refused at once instead of queued: {@code api.maxInFlight} (the function calls and pages being
 * served) and {@code api.maxBodiesInFlight} (the calls whose body is still arriving).
 */
public final class RequestLimit implements Shareable {

  private static final String MAP = "verve.ops";
  private static final String KEY = "callLimit";

  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();

  private RequestLimit(int max) {
    this.max = max;
  }

  /** The node's limit: the first Verve instance of this Vert.x sets it, the others share it. */
  public static RequestLimit of(Vertx vertx, int max) {
    return of(vertx, KEY, max);
  }

  /** Another of the node's limits, by name ({@code "bodies"}): the first Verve instance sets it too. */
  public static RequestLimit of(Vertx vertx, String name, int max) {
    LocalMap<String, RequestLimit> map = vertx.sharedData().getLocalMap(MAP);
    RequestLimit created = new RequestLimit(max);
    RequestLimit existing = map.putIfAbsent(name, created);
    return existing != null ? existing : created;
  }

  /** Takes a place, or returns false (and takes none) when all {@code max} are taken. */
  public boolean tryAcquire() {
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  public void release() {
    inFlight.decrementAndGet();
  }

  public int inFlight() {
    return inFlight.get();
  }

  public int max() {
    return max;
  }
}
