package dev.verve.db.impl;

import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

public final class DatabaseImpl implements Database {

  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  private final Vertx vertx;
  private final Pool pool;
  private final String kind;
  // The JDBC URL of an in-memory H2 database; null for any other.
  private final String h2InMemory;
  private final H2FileLock lock;

  private DatabaseImpl(Vertx vertx, Pool pool, String kind, String h2InMemory, H2FileLock lock) {
    this.vertx = vertx;
    this.pool = pool;
    this.kind = kind;
    this.h2InMemory = h2InMemory;
    this.lock = lock;
  }

  public static Future<Database> open(Vertx vertx, DatabaseOptions options) {
    Target target = Target.of(options);
    // Flyway looks for the migrations with this loader: the application's, not the worker thread's.
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return vertx.executeBlocking(() -> {
        // An H2 file is this process's before the migrations touch it, or the start fails here.
        H2FileLock lock = H2FileLock.acquire(target.jdbcUrl, target.user, target.password);
        try {
          Migrations.apply(target, options.getMigrations(), loader);
        } catch (RuntimeException e) {
          if (lock != null) lock.release();
          throw e;
        }
        return lock;
      })
      .map(lock -> {
        if (target.h2InMemory()) InMemoryUsers.opened(target.jdbcUrl);
        Database db = new DatabaseImpl(vertx, pool(vertx, target, options), target.kind,
          target.h2InMemory() ? target.jdbcUrl : null, lock);
        LOG.info("Database ready: " + target.describe());
        return db;
      });
  }

  private static Pool pool(Vertx vertx, Target target, DatabaseOptions options) {
    PoolOptions poolOptions = new PoolOptions()
      .setMaxSize(options.getPoolSize())
      .setConnectionTimeout((int) options.getConnectTimeoutMs())
      .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    if (target.pg != null) {
      return PgBuilder.pool().with(poolOptions)
        .with(new NetClientOptions().setConnectTimeout((int) options.getConnectTimeoutMs()))
        .connectingTo(target.pg).using(vertx).build();
    }
    return JDBCPool.pool(vertx, new JDBCConnectOptions().setJdbcUrl(target.jdbcUrl)
      .setUser(target.user).setPassword(target.password), poolOptions);
  }

  @Override
  public Pool pool() {
    return pool;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  @Override
  public Future<Void> close() {
    // An in-memory H2 kept alive between connections (DB_CLOSE_DELAY=-1) is dropped only by SHUTDOWN, by its
    // last user in this JVM: dev mode's next generation opens it before the one it replaces closes it.
    boolean last = h2InMemory != null && InMemoryUsers.closed(h2InMemory);
    Future<Void> shutdown = last ? pool.query("SHUTDOWN").execute().<Void>mapEmpty().recover(e -> Future.succeededFuture())
      : Future.succeededFuture();
    return shutdown.eventually(pool::close).eventually(() -> lock == null ? Future.succeededFuture()
      : vertx.executeBlocking(() -> {
        lock.release();
        return null;
      }, false).mapEmpty());
  }

  public static boolean isUnavailable(Throwable failure) {
    return Unavailable.test(failure);
  }

  /** Where to connect, for the pool (reactive or JDBC) and for Flyway (always JDBC). */
  static final class Target {
    final String kind;
    final String jdbcUrl;
    final String user;
    final String password;
    final PgConnectOptions pg;

    private Target(String kind, String jdbcUrl, String user, String password, PgConnectOptions pg) {
      this.kind = kind;
      this.jdbcUrl = jdbcUrl;
      this.user = user;
      this.password = password;
      this.pg = pg;
    }

    static Target of(DatabaseOptions options) {
      if (options.isPostgresql()) {
        PgConnectOptions pg = PgConnectOptions.fromUri(options.getUrl().replaceFirst("^postgres://", "postgresql://"));
        if (options.getUser() != null) pg.setUser(options.getUser());
        if (options.getPassword() != null) pg.setPassword(options.getPassword());
        String jdbc = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getPort() + "/" + pg.getDatabase()
          + "?connectTimeout=" + Math.max(1, options.getConnectTimeoutMs() / 1000);
        return new Target("postgresql", jdbc, pg.getUser(), pg.getPassword(), pg);
      }
      String jdbc = options.jdbcUrl();
      String kind = jdbc.substring("jdbc:".length(), jdbc.indexOf(':', "jdbc:".length()));
      String user = options.getUser();
      String password = options.getPassword();
      if (kind.equals("h2")) {
        // H2 creates the database for its first user; "sa" with no password is H2's own default.
        if (user == null) user = "sa";
        if (password == null) password = "";
        if (jdbc.startsWith("jdbc:h2:mem:") && !jdbc.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_DELAY")) {
          // Otherwise the database vanishes between the migration's connection and the pool's.
          jdbc = jdbc + ";DB_CLOSE_DELAY=-1";
        }
      }
      return new Target(kind, jdbc, user, password, null);
    }

    boolean h2InMemory() {
      return jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    String describe() {
      return pg != null ? "PostgreSQL at " + pg.getHost() + ":" + pg.getPort() + "/" + pg.getDatabase()
        : jdbcUrl.replaceAll("(?i);password=[^;]*", "");
    }
  }
}
