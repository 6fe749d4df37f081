package dev.verve.db.impl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * An embedded H2 file belongs to one process. H2 locks the file only while a connection to it is open, and
 * a pool may hold none between calls: a second process could then open the same file and both would write
 * it. So a node on an H2 file holds one connection of its own, opened before anything else and kept until
 * the database is closed; a second process fails at start, naming the file and what to do instead. Runs on
 * a worker thread (JDBC blocks).
 */
final class H2FileLock {

  // H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use ... The file is locked".
  private static final int ALREADY_OPEN = 90020;

  private final Connection connection;

  private H2FileLock(Connection connection) {
    this.connection = connection;
  }

  /**
   * The lock of {@code jdbcUrl}'s file, or {@code null} for an H2 database that is not an embedded file (in
   * memory, a server's, or H2's own multi-process {@code AUTO_SERVER} mode, chosen deliberately).
   */
  static H2FileLock acquire(String jdbcUrl, String user, String password) {
    if (file(jdbcUrl) == null) return null;
    try {
      return new H2FileLock(DriverManager.getConnection(jdbcUrl, user, password));
    } catch (SQLException e) {
      if (e.getErrorCode() == ALREADY_OPEN) {
        throw new IllegalStateException("The embedded H2 database " + file(jdbcUrl) + ".mv.db is in use by another"
          + " process, and an H2 file serves one process only. Give this node a file of its own (db.url=jdbc:h2:"
          + "./data/<another name>), or give every node that shares data one PostgreSQL (db.url=postgresql://"
          + "user@host:5432/database).");
      }
      throw new IllegalStateException("The embedded H2 database " + file(jdbcUrl) + ".mv.db cannot be opened: "
        + e.getMessage(), e);
    }
  }

  void release() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing: nothing left to do with it
    }
  }

  /** The database file's path without {@code .mv.db}, or {@code null} when the URL names no embedded file. */
  static Path file(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:")) return null;
    String rest = jdbcUrl.substring("jdbc:h2:".length());
    int semi = rest.indexOf(';');
    String name = semi < 0 ? rest : rest.substring(0, semi);
    String settings = semi < 0 ? "" : rest.substring(semi).toUpperCase(Locale.ROOT);
    if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:") || name.startsWith("zip:")
      || settings.contains(";AUTO_SERVER=TRUE")) {
      return null;
    }
    if (name.startsWith("file:")) name = name.substring("file:".length());
    if (name.startsWith("~")) name = System.getProperty("user.home") + name.substring(1);
    return Path.of(name).toAbsolutePath().normalize();
  }
}
