package dev.verve.test.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.fail;

/** Vert.x's blocked-thread warnings, as failures: an event loop that blocks is a bug a test must not hide. */
final class BlockedThreads {

  // Held strongly: JUL keeps loggers weakly, and a collected logger would drop the handler.
  private static final Logger CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();

  static {
    CHECKER.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        WARNINGS.add(record.getMessage());
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

  static void clear() {
    WARNINGS.clear();
  }

  static void check(String during) {
    if (!WARNINGS.isEmpty()) {
      String first = WARNINGS.get(0);
      WARNINGS.clear();
      fail("A thread was blocked during " + during + ": " + first);
    }
  }
}
