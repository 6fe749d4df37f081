package dev.verve.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * One call or page in progress: records its latency by status when its response ends, or when its
 * connection closes first, and holds at most one place at a time in a {@link RequestLimit} (a call holds one
 * among the bodies being read while its body arrives, then one among the calls being served), given back
 * when it moves on or ends. The one object a tracked request allocates.
 */
public final class Tracked implements Handler<AsyncResult<Void>> {

  private final RoutingContext ctx;
  private final StatusTimers timers;
  private final long start;
  private RequestLimit held;
  private boolean done;

  private Tracked(RoutingContext ctx, StatusTimers timers, long start) {
    this.ctx = ctx;
    this.timers = timers;
    this.start = start;
  }

  /** Starts timing {@code ctx}; it holds no place yet. */
  public static Tracked start(RoutingContext ctx, StatusTimers timers) {
    Tracked tracked = new Tracked(ctx, timers, System.nanoTime());
    ctx.addEndHandler(tracked);
    return tracked;
  }

  /**
   * Starts tracking {@code ctx} with a place in {@code limit}, or returns false when all are taken: the
   * caller answers 503 at once (and that answer is timed).
   */
  public static boolean begin(RoutingContext ctx, StatusTimers timers, RequestLimit limit) {
    return start(ctx, timers).hold(limit);
  }

  /**
   * Gives back the place held, if any, and takes one in {@code limit}; false (holding none) when all are
   * taken.
   */
  public boolean hold(RequestLimit limit) {
    if (done) return false;
    if (held == limit) return true;
    if (held != null) held.release();
    held = limit.tryAcquire() ? limit : null;
    return held != null;
  }

  @Override
  public void handle(AsyncResult<Void> ended) {
    // Once, whichever of end, close or exception comes first: a place must be given back exactly once.
    if (done) return;
    done = true;
    if (held != null) held.release();
    held = null;
    int status = ended.succeeded() ? ctx.response().getStatusCode() : StatusTimers.CLOSED;
    timers.record(status, System.nanoTime() - start);
  }
}
