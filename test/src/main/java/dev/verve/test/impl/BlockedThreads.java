package dev.verve.test.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Vert.x's blocked-thread warnings, as failures: an event loop that blocks is a bug a test must not hide.
 * Read from the checker's java.util.logging logger (Vert.x logs through JUL unless an app routes it
 * elsewhere, e.g. to Logback, where this sees nothing). One list for the JVM: test classes run one at a time.
 */
final class BlockedThreads {

  // Held strongly: JUL keeps loggers weakly, and a collected logger would drop the handler.
  private static final Logger CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
  private static final List<String> WARNINGS = new ArrayList<>();

  static {
    CHECKER.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (WARNINGS) {
          WARNINGS.add(record.getMessage());
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    });
  }

  private BlockedThreads() {
  }

  /** The warnings since the last call. */
  static List<String> drain() {
    synchronized (WARNINGS) {
      List<String> drained = List.copyOf(WARNINGS);
      WARNINGS.clear();
      return drained;
    }
  }

  /** Fails naming the first of {@code warnings}, if any. */
  static void failIfAny(List<String> warnings, String during) {
    if (!warnings.isEmpty()) {
      throw new AssertionError("A thread was blocked during " + during + ": " + warnings.get(0)
        + (warnings.size() > 1 ? " (and " + (warnings.size() - 1) + " more warnings)" : ""));
    }
  }
}
