package dev.verve.db.impl;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.logging.Logger;

/** Flyway, run on a worker thread: it speaks JDBC and blocks. */
final class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  private Migrations() {
  }

  static void apply(DatabaseImpl.Target target, String location, ClassLoader loader) {
    String where = location.contains(":") ? location : "classpath:" + location;
    try {
      MigrateResult result = Flyway.configure(loader)
        .dataSource(target.jdbcUrl, target.user, target.password)
        .locations(where)
        .load()
        .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("Applied " + result.migrationsExecuted + " migration(s) from " + where + "; schema now at version "
          + result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      // The node must not start on a half-migrated schema: this fails Database.open and so the deployment.
      throw new IllegalStateException("Database migration from " + where + " failed on " + target.describe()
        + ": " + e.getMessage(), e);
    }
  }
}
