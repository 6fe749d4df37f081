package dev.verve.db;

import dev.verve.config.ConfigKeys;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the database is and how to use it: the {@code db.*} keys of {@link ConfigKeys}.
 */
public class DatabaseOptions {

  /** An H2 file under {@code data/} in the working directory, created at first start. */
  public static final String DEFAULT_URL = ConfigKeys.DB_URL.defaultValue();
  public static final int DEFAULT_POOL_SIZE = (int) (long) ConfigKeys.DB_POOL_SIZE.defaultValue();
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = ConfigKeys.DB_CONNECT_TIMEOUT.defaultValue();
  public static final String DEFAULT_MIGRATIONS = ConfigKeys.DB_MIGRATIONS.defaultValue();

  // H2 speaks PostgreSQL's dialect closely enough that one set of SQL files serves both databases.
  private static final String H2_POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private String url = DEFAULT_URL;
  private String user;
  private String password;
  private int poolSize = DEFAULT_POOL_SIZE;
  private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
  private String migrations = DEFAULT_MIGRATIONS;

  public DatabaseOptions() {
  }

  /** Reads the flat, dotted {@code db.*} keys of a merged config. */
  public static DatabaseOptions fromConfig(JsonObject config) {
    return new DatabaseOptions()
      .setUrl(ConfigKeys.DB_URL.get(config))
      .setUser(ConfigKeys.DB_USER.get(config))
      .setPassword(ConfigKeys.DB_PASSWORD.get(config))
      .setPoolSize(ConfigKeys.DB_POOL_SIZE.getInt(config))
      .setConnectTimeoutMs(ConfigKeys.DB_CONNECT_TIMEOUT.get(config))
      .setMigrations(ConfigKeys.DB_MIGRATIONS.get(config));
  }

  public String getUrl() { return url; }

  /**
   * {@code jdbc:h2:...} (embedded H2, put in PostgreSQL mode unless the URL sets a {@code MODE}),
   * {@code postgresql://user[:password]@host[:port]/database}, or another {@code jdbc:} URL whose driver is
   * on the class path.
   */
  public DatabaseOptions setUrl(String url) {
    String u = Objects.requireNonNull(url, "db.url").trim();
    if (!u.startsWith("jdbc:") && !isPostgresql(u)) {
      throw new IllegalArgumentException("db.url must start with jdbc: or postgresql://, got '" + u + "'");
    }
    this.url = u;
    return this;
  }

  /** The URL the JDBC driver gets: H2 in PostgreSQL mode unless the URL chose a mode itself. */
  public String jdbcUrl() {
    if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains(";MODE=")) {
      return url + H2_POSTGRESQL_MODE;
    }
    return url;
  }

  public boolean isPostgresql() {
    return isPostgresql(url);
  }

  private static boolean isPostgresql(String url) {
    return url.startsWith("postgresql://") || url.startsWith("postgres://");
  }

  public String getUser() { return user; }

  /** Overrides the user of the URL; {@code VERVE_DB_USER} in the environment. */
  public DatabaseOptions setUser(String user) {
    this.user = user;
    return this;
  }

  public String getPassword() { return password; }

  /** Overrides the password of the URL; {@code VERVE_DB_PASSWORD} keeps it out of files. */
  public DatabaseOptions setPassword(String password) {
    this.password = password;
    return this;
  }

  public int getPoolSize() { return poolSize; }

  /** Connections in the pool; default 4. */
  public DatabaseOptions setPoolSize(int poolSize) {
    if (poolSize < 1) throw new IllegalArgumentException("db.poolSize must be at least 1, got " + poolSize);
    this.poolSize = poolSize;
    return this;
  }

  public long getConnectTimeoutMs() { return connectTimeoutMs; }

  /**
   * How long opening a connection, or waiting for a free one, may take before the call fails as
   * "database not available"; default 5 s.
   */
  public DatabaseOptions setConnectTimeoutMs(long connectTimeoutMs) {
    if (connectTimeoutMs <= 0) throw new IllegalArgumentException("db.connectTimeout must be positive, got " + connectTimeoutMs);
    this.connectTimeoutMs = connectTimeoutMs;
    return this;
  }

  public String getMigrations() { return migrations; }

  /** Where the versioned SQL migrations are on the class path; default {@code db/migration}. */
  public DatabaseOptions setMigrations(String migrations) {
    this.migrations = Objects.requireNonNull(migrations, "db.migrations");
    return this;
  }

  @Override
  public String toString() {
    // Never the password: options end up in logs.
    return "DatabaseOptions{url=" + redacted(url) + ", user=" + user + ", poolSize=" + poolSize + "}";
  }

  static String redacted(String url) {
    return url.replaceAll("(://[^:/@]+):[^@]*@", "$1:***@").replaceAll("(?i)(password=)[^;&]*", "$1***");
  }
}
