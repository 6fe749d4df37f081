package dev.verve.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * One call or page in progress: holds its place in the {@link RequestLimit} and records its latency by
 * status when its response ends, or when its connection closes first. The one object a tracked request
 * allocates.
 */
public final class Tracked implements Handler<AsyncResult<Void>> {

  private final RoutingContext ctx;
  private final StatusTimers timers;
  private final RequestLimit limit;
  private final long start;
  private boolean done;

  private Tracked(RoutingContext ctx, StatusTimers timers, RequestLimit limit, long start) {
    this.ctx = ctx;
    this.timers = timers;
    this.limit = limit;
    this.start = start;
  }

  /**
   * Starts tracking {@code ctx}, or, when the node is at {@code api.maxInFlight}, records a 503 and
   * returns false: the caller answers 503 at once.
   */
  public static boolean begin(RoutingContext ctx, StatusTimers timers, RequestLimit limit) {
    long start = System.nanoTime();
    if (!limit.tryAcquire()) {
      timers.record(503, System.nanoTime() - start);
      return false;
    }
    ctx.addEndHandler(new Tracked(ctx, timers, limit, start));
    return true;
  }

  @Override
  public void handle(AsyncResult<Void> ended) {
    // Once, whichever of end, close or exception comes first: the place must be released exactly once.
    if (done) return;
    done = true;
    limit.release();
    int status = ended.succeeded() ? ctx.response().getStatusCode() : StatusTimers.CLOSED;
    timers.record(status, System.nanoTime() - start);
  }
}
