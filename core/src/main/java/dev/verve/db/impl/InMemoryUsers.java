package dev.verve.db.impl;

import java.util.HashMap;
import java.util.Map;

/** How many open {@code Database}s of this JVM use each in-memory H2 database: the last one to close drops it. */
final class InMemoryUsers {

  private static final Map<String, Integer> OPEN = new HashMap<>();

  private InMemoryUsers() {
  }

  static synchronized void opened(String jdbcUrl) {
    OPEN.merge(jdbcUrl, 1, Integer::sum);
  }

  /** Whether the database that closed was the last of this JVM on {@code jdbcUrl}. */
  static synchronized boolean closed(String jdbcUrl) {
    Integer left = OPEN.computeIfPresent(jdbcUrl, (url, open) -> open > 1 ? open - 1 : null);
    return left == null;
  }
}
