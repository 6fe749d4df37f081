package dev.verve.db;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOptionsTest {

  @Test
  void theDefaultIsAnH2FileUnderDataInPostgresqlMode() {
    DatabaseOptions options = DatabaseOptions.fromConfig(new JsonObject());
    assertEquals("jdbc:h2:./data/verve", options.getUrl());
    assertEquals("jdbc:h2:./data/verve;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      options.jdbcUrl());
    assertFalse(options.isPostgresql());
    assertEquals(4, options.getPoolSize());
    assertEquals("db/migration", options.getMigrations());
  }

  @Test
  void anH2UrlThatChoosesAModeKeepsIt() {
    String url = "jdbc:h2:mem:x;mode=MySQL";
    assertEquals(url, new DatabaseOptions().setUrl(url).jdbcUrl());
  }

  @Test
  void postgresqlUrlsInBothSpellingsAreThePgClients() {
    assertTrue(new DatabaseOptions().setUrl("postgresql://u:p@127.0.0.1:5432/db").isPostgresql());
    assertTrue(new DatabaseOptions().setUrl("postgres://u@127.0.0.1/db").isPostgresql());
  }

  @Test
  void anUnknownSchemeIsRefusedNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> new DatabaseOptions().setUrl("mysql://127.0.0.1/db"));
    assertTrue(e.getMessage().startsWith("db.url must start with jdbc: or postgresql://"), e.getMessage());
  }

  @Test
  void environmentStringsAreNumbersAndBadOnesAreNamed() {
    JsonObject config = new JsonObject().put("db.poolSize", "8").put("db.connectTimeout", "250");
    DatabaseOptions options = DatabaseOptions.fromConfig(config);
    assertEquals(8, options.getPoolSize());
    assertEquals(250, options.getConnectTimeoutMs());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> DatabaseOptions.fromConfig(new JsonObject().put("db.poolSize", "many")));
    assertEquals("db.poolSize must be a whole number, got 'many'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DatabaseOptions.fromConfig(new JsonObject().put("db.poolSize", 0)));
  }

  @Test
  void passwordsNeverReachToString() {
    String pg = new DatabaseOptions().setUrl("postgresql://verve:s3cret@db:5432/app").setPassword("other").toString();
    assertFalse(pg.contains("s3cret") || pg.contains("other"), pg);
    String jdbc = new DatabaseOptions().setUrl("jdbc:h2:./x;PASSWORD=s3cret").toString();
    assertFalse(jdbc.contains("s3cret"), jdbc);
  }
}
