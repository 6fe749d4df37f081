package dev.verve.http;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The loggers of Vert.x classes that log a stack trace for what a client sent (vertx-web's bridge logs one
 * for each oversized WebSocket message): their records pass through a {@link LogWindow}, so each cause is
 * logged at most once a minute with a count of the rest. Through {@code java.util.logging}, Vert.x's
 * default; an app that routes Vert.x's logs elsewhere bounds them there.
 */
public final class ClientCausedLogs {

  private static final List<String> LOGGERS = List.of("io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl");

  // Held strongly: java.util.logging keeps loggers weakly, and a collected one would come back without its filter.
  private static final List<Logger> FILTERED = new ArrayList<>();

  private ClientCausedLogs() {
  }

  /** Idempotent: every Verve in the JVM shares the filters. */
  public static void install() {
    synchronized (FILTERED) {
      if (!FILTERED.isEmpty()) return;
      for (String name : LOGGERS) {
        Logger logger = Logger.getLogger(name);
        logger.setFilter(new Windowed(logger.getFilter(), new LogWindow(LogWindow.MINUTE_MS)));
        FILTERED.add(logger);
      }
    }
  }

  private static final class Windowed implements Filter {
    private final Filter previous;
    private final LogWindow window;

    Windowed(Filter previous, LogWindow window) {
      this.previous = previous;
      this.window = window;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      if (previous != null && !previous.isLoggable(record)) return false;
      Throwable thrown = record.getThrown();
      long suppressed = window.admit(record.getMessage() + (thrown == null ? "" : " " + thrown.getClass().getName()));
      if (suppressed < 0) return false;
      if (suppressed > 0) record.setMessage(record.getMessage() + LogWindow.suppressedNote(suppressed));
      return true;
    }
  }
}
