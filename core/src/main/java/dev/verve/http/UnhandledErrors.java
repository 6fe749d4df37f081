package dev.verve.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;

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
  private final LogWindow window;

  UnhandledErrors(long windowMs) {
    this.window = new LogWindow(windowMs);
  }

  /** Installs it on {@code vertx}, unless the application installed a handler of its own. */
  public static void install(Vertx vertx) {
    if (vertx.exceptionHandler() == null) vertx.exceptionHandler(new UnhandledErrors(LogWindow.MINUTE_MS));
  }

  @Override
  public void handle(Throwable error) {
    StackTraceElement[] trace = error.getStackTrace();
    long suppressed = window.admit(error.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : ""));
    if (suppressed < 0) return;
    LOG.log(Level.SEVERE, "Unhandled exception" + LogWindow.suppressedNote(suppressed)
      + "; the same cause is logged again after a minute", error);
  }
}
