package dev.verve.examples.accounts;

import dev.verve.auth.Passwords;
import dev.verve.db.DatabaseOptions;
import dev.verve.examples.DemoVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A demo database from before the built-in accounts (its own users table, migrations V1 and V2) starts on
 * the new demo with nothing lost: its users sign in with their passwords and find their todos.
 */
@ExtendWith(NoBlockedThreads.class)
class UsersMoveToVerveTest {

  @Test
  void theDemosUsersAndTheirTodosMoveToVervesAccounts(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath();
    String jdbc = new DatabaseOptions().setUrl(url).jdbcUrl();
    Flyway.configure().dataSource(jdbc, "sa", "").locations("classpath:db/migration").target("2").load().migrate();
    Vertx vertx = Vertx.vertx();
    String hash = await(Passwords.create(vertx, 1000).hash("an old password"));
    await(vertx.close());
    try (Connection db = DriverManager.getConnection(jdbc, "sa", ""); Statement sql = db.createStatement()) {
      // Ids the old demo gave, which Verve's sequence will not give again.
      sql.execute("INSERT INTO users (id, username, username_key, password_hash, roles) VALUES (7, 'Ada', 'ada', '"
        + hash + "', '')");
      sql.execute("INSERT INTO todos (id, title, done, owner) VALUES (1, 'kept across the move', FALSE, 7)");
    }

    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject().put("db.url", url))) {
      String token = server.token("ada", "an old password");
      JsonArray todos = server.postJson("/api/Todos/list", "{}", token).bodyAsJsonArray();
      assertEquals(1, todos.size(), todos.encode());
      assertEquals("kept across the move", todos.getJsonObject(0).getString("title"));
      // A new user after the move gets an id of Verve's, and a todo list of their own.
      String other = server.signUp("Grace", "another password");
      assertEquals(0, server.postJson("/api/Todos/list", "{}", other).bodyAsJsonArray().size());
    }
  }
}
