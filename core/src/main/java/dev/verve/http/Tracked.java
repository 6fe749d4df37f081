package dev.verve.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * One call or page in progress: records its latency by status when its response ends, or when its
 * connection closes first, and holds at most one place at a time in a {@link RequestLimit} (a call holds one
 * among the bodies being read while its body arrives, then one among the calls being served), given back
 * when it moves on or ends. The one object a tracked request allocates.
 */
public final class Tracked implements Handler<AsyncResult<Void>> {

  private final HttpServerResponse response;
  private final StatusTimers timers;
  private final long start;
  private RequestLimit held;
  private boolean done;

  private Tracked(HttpServerResponse response, StatusTimers timers, long start) {
    this.response = response;
    this.timers = timers;
    this.start = start;
  }

  /** Starts timing {@code ctx}; it holds no place yet. */
  public static Tracked start(RoutingContext ctx, StatusTimers timers) {
    Tracked tracked = new Tracked(ctx.response(), timers, System.nanoTime());
    ctx.addEndHandler(tracked);
    return tracked;
  }

  /**
   * Starts timing a request served without the router: the response's own end, exception and close
   * handlers, which nothing else sets on it.
   */
  public static Tracked start(HttpServerResponse response, StatusTimers timers) {
    Tracked tracked = new Tracked(response, timers, System.nanoTime());
    response.endHandler(v -> tracked.ended(true))
      .exceptionHandler(e -> tracked.ended(false))
      .closeHandler(v -> tracked.ended(false));
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
    ended(ended.succeeded());
  }

  private void ended(boolean written) {
    // Once, whichever of end, close or exception comes first: a place must be given back exactly once.
    if (done) return;
    done = true;
    if (held != null) held.release();
    held = null;
    int status = written ? response.getStatusCode() : StatusTimers.CLOSED;
    timers.record(status, System.nanoTime() - start);
  }
}
