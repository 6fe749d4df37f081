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

  /** Verve's own tables (the built-in accounts), in the schema {@value #VERVE_SCHEMA}. */
  static final String VERVE_SCHEMA = "verve_accounts";

  /**
   * Verve's migrations, then the app's. Verve's are first, so an app's table may reference
   * {@code verve_accounts.users}; they live in a schema of their own with their own history, so the app's schema
   * still looks empty to the app's first migration, and neither history ever meets the other's versions.
   */
  static void apply(DatabaseImpl.Target target, String location, ClassLoader loader) {
    migrate(Flyway.configure(Migrations.class.getClassLoader()).schemas(VERVE_SCHEMA).createSchemas(true)
      // Not the schema "verve": PostgreSQL puts a schema named like the user first on the search path, so a
      // user named verve would have had the app's tables and history in Verve's schema.
      .table("verve_schema_history")
      .locations("classpath:dev/verve/db/verve"), target, "classpath:dev/verve/db/verve");
    String where = location.contains(":") ? location : "classpath:" + location;
    migrate(Flyway.configure(loader).locations(where), target, where);
  }

  private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway,
                              DatabaseImpl.Target target, String where) {
    try {
      MigrateResult result = flyway
        .dataSource(target.jdbcUrl, target.user, target.password)
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
