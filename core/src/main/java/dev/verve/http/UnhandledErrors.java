package dev.verve.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Vert.x's handler of the exceptions nothing else caught (a handler that threw, in Verve's code, a library's
 * or an app's): each cause (its class and where it was thrown) is logged with its stack trace at most once a
 * minute, with how many more there were, instead of once per occurrence. A client that can make some code
 * throw, say a bridge frame whose {@code type} is a number, so cannot fill the disk with stack traces.
 */
public final class UnhandledErrors implements Handler<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnhandledErrors.class.getName());
  private static final long WINDOW_MS = 60_000;
  private static final int MAX_CAUSES = 1000;

  // Cause -> [when last logged, occurrences since]; bounded: when full, forgotten (each logs once more).
  private final Map<String, long[]> causes = new LinkedHashMap<>();
  private final long windowMs;

  UnhandledErrors(long windowMs) {
    this.windowMs = windowMs;
  }

  /** Installs it on {@code vertx}, unless the application installed a handler of its own. */
  public static void install(Vertx vertx) {
    if (vertx.exceptionHandler() == null) vertx.exceptionHandler(new UnhandledErrors(WINDOW_MS));
  }

  @Override
  public void handle(Throwable error) {
    StackTraceElement[] trace = error.getStackTrace();
    String cause = error.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : "");
    long now = System.currentTimeMillis();
    long suppressed;
    synchronized (causes) {
      long[] seen = causes.get(cause);
      if (seen != null && now - seen[0] < windowMs) {
        seen[1]++;
        return;
      }
      suppressed = seen == null ? 0 : seen[1];
      if (seen == null && causes.size() >= MAX_CAUSES) causes.clear();
      causes.put(cause, new long[]{now, 0});
    }
    LOG.log(Level.SEVERE, "Unhandled exception" + (suppressed > 0 ? " (" + suppressed
      + " more like it in the last minute, not logged)" : "") + "; the same cause is logged again after a minute", error);
  }
}
