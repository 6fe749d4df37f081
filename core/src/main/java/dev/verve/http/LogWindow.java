package dev.verve.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Says whether a cause is due to be logged: at most once per window, with how many occurrences were not
 * logged since. Bounded: when full, every cause is forgotten (each then logs once more), so a client that
 * invents causes cannot grow it.
 */
final class LogWindow {

  static final long MINUTE_MS = 60_000;
  private static final int MAX_CAUSES = 1000;

  // Cause -> [when last logged, occurrences since].
  private final Map<String, long[]> causes = new LinkedHashMap<>();
  private final long windowMs;

  LogWindow(long windowMs) {
    this.windowMs = windowMs;
  }

  /** -1 when {@code cause} was logged within the window; else how many were left unlogged since the last time. */
  long admit(String cause) {
    long now = System.currentTimeMillis();
    synchronized (causes) {
      long[] seen = causes.get(cause);
      if (seen != null && now - seen[0] < windowMs) {
        seen[1]++;
        return -1;
      }
      if (seen == null && causes.size() >= MAX_CAUSES) causes.clear();
      causes.put(cause, new long[]{now, 0});
      return seen == null ? 0 : seen[1];
    }
  }

  static String suppressedNote(long suppressed) {
    return suppressed > 0 ? " (" + suppressed + " more like it in the last minute, not logged)" : "";
  }
}
