package dev.verve.examples.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.fail;

/** Fails a test during which Vert.x warned that an event loop (or worker) was blocked. */
public final class NoBlockedThreads implements BeforeEachCallback, AfterEachCallback {

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

  /** The warnings since the last {@link #clear()}: for tests outside JUnit Jupiter (jqwik properties). */
  public static List<String> warnings() {
    return List.copyOf(WARNINGS);
  }

  public static void clear() {
    WARNINGS.clear();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    WARNINGS.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!WARNINGS.isEmpty()) {
      fail("A thread was blocked during the test: " + WARNINGS.get(0));
    }
  }
}
