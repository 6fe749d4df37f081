package dev.verve.examples;

import dev.verve.client.VerveClient;
import dev.verve.db.DatabaseOptions;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Todos functions: data objects in and out, and their errors, over HTTP and the Java client, on the
 * default embedded H2 (a file database, as the demo uses); {@code TodosOnPostgresIT} runs the same tests
 * on PostgreSQL.
 */
@ExtendWith(NoBlockedThreads.class)
class TodosTest {

  static final String PASSWORD = "correct horse battery";

  @TempDir
  Path dataDir;
  TestServer server;
  JsonObject database;
  String token;

  /** The {@code db.*} config of a new, empty database. */
  JsonObject newDatabase() {
    return new JsonObject().put("db.url", "jdbc:h2:" + dataDir.resolve("todos"));
  }

  /** Plain JDBC to the server's database, for what a test does behind the server's back. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(new DatabaseOptions().setUrl(database.getString("db.url")).jdbcUrl(), "sa", "");
  }

  @BeforeEach
  void start() {
    database = newDatabase();
    server = TestServer.start(DemoVerticle::new, database);
    token = server.signUp("ada", PASSWORD);
  }

  /** A call as ada, the signed-in user every test starts with. */
  HttpResponse<Buffer> call(String path, String json) {
    return server.postJson(path, json, token);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void addListToggleRemoveOverHttp() {
    HttpResponse<Buffer> added = call("/api/Todos/add", "{\"title\": \"Write tests\"}");
    assertEquals(200, added.statusCode());
    assertEquals(new JsonObject().put("id", 1).put("title", "Write tests").put("done", false), added.bodyAsJsonObject());

    HttpResponse<Buffer> toggled = call("/api/Todos/toggle", "{\"id\": 1}");
    assertEquals(true, toggled.bodyAsJsonObject().getBoolean("done"));

    JsonArray list = call("/api/Todos/list", "{}").bodyAsJsonArray();
    assertEquals(1, list.size());
    assertEquals("Write tests", list.getJsonObject(0).getString("title"));

    HttpResponse<Buffer> removed = call("/api/Todos/remove", "{\"id\": 1}");
    assertEquals(204, removed.statusCode());
    assertEquals(0, removed.body() == null ? 0 : removed.body().length());
    assertEquals(0, call("/api/Todos/list", "{}").bodyAsJsonArray().size());
  }

  @Test
  void anUnknownIdIs404WithTheFunctionsMessage() {
    JsonObject problem = assertProblem(call("/api/Todos/toggle", "{\"id\": 99}"), 404);
    assertEquals("There is no todo with id 99", problem.getString("detail"));
    assertProblem(call("/api/Todos/remove", "{\"id\": 99}"), 404);
  }

  @Test
  void anEmptyOrOverlongTitleIs400() {
    assertEquals("A todo needs a title",
      assertProblem(call("/api/Todos/add", "{\"title\": \"   \"}"), 400).getString("detail"));
    String title = "x".repeat(201);
    JsonObject problem = assertProblem(call("/api/Todos/add", "{\"title\": \"" + title + "\"}"), 400);
    assertTrue(problem.getString("detail").contains("at most 200"));
    assertEquals(200, call("/api/Todos/add", "{\"title\": \"" + "y".repeat(200) + "\"}").statusCode());
  }

  @Test
  void theJavaClientDecodesDataObjectsAndReportsFailuresAsServiceExceptions() {
    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port).token(token);
    Todos todos = client.of(Todos.class);
    Todo todo = await(todos.add("Desktop"));
    assertEquals("Desktop", todo.getTitle());
    List<Todo> list = await(todos.list());
    assertEquals(1, list.size());
    assertEquals(todo.getId(), list.get(0).getId());
    assertEquals(true, await(todos.toggle(todo.getId())).isDone());
    await(todos.remove(todo.getId()));

    ServiceException missing = assertThrows(ServiceException.class, () -> await(todos.toggle(12345)));
    assertEquals(404, missing.failureCode());
    assertEquals("There is no todo with id 12345", missing.getMessage());
    assertEquals(404, missing.getDebugInfo().getInteger("status"));
    client.close();
  }

  @Test
  void theDesktopClientRunsAgainstTheServer() {
    call("/api/Todos/add", "{\"title\": \"Seen from the desktop\"}");
    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port);
    await(DesktopClient.run(client, "ada", PASSWORD));
    client.close();
  }

  @Test
  void todosOutliveARestartOfTheServer() {
    call("/api/Todos/add", "{\"title\": \"Survive a restart\"}");
    server.close();
    server = TestServer.start(DemoVerticle::new, database);
    token = server.token("ada", PASSWORD);
    JsonArray list = call("/api/Todos/list", "{}").bodyAsJsonArray();
    assertEquals(1, list.size());
    assertEquals("Survive a restart", list.getJsonObject(0).getString("title"));
    // The sequence survives too: no id is handed out twice.
    assertEquals(2, call("/api/Todos/add", "{\"title\": \"Next\"}").bodyAsJsonObject().getInteger("id"));
  }

  @Test
  void aFailingStatementIs500WithACorrelationIdAndNoSqlText() throws SQLException {
    // A row squatting on the next id makes the INSERT break the primary key.
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO todos (id, title, done) VALUES (1, 'squatter', FALSE)");
    }
    HttpResponse<Buffer> response = call("/api/Todos/add", "{\"title\": \"Collide\"}");
    JsonObject problem = assertProblem(response, 500);
    assertTrue(problem.getString("correlationId").matches("[0-9a-f-]{36}"), problem.encode());
    String body = response.bodyAsString().toLowerCase(java.util.Locale.ROOT);
    for (String leak : List.of("insert", "todos", "primary", "constraint", "sql", "exception")) {
      assertTrue(!body.contains(leak), "the answer mentions '" + leak + "': " + body);
    }
    // The server keeps serving, and the next id is free.
    assertEquals(200, call("/api/Todos/add", "{\"title\": \"Collide again\"}").statusCode());
  }

  @Test
  void everyUserHasTheirOwnTodosAndAnotherUsersIdsAre404() {
    int id = call("/api/Todos/add", "{\"title\": \"Ada's\"}").bodyAsJsonObject().getInteger("id");
    String bob = server.signUp("bob", PASSWORD);
    assertEquals(0, server.postJson("/api/Todos/list", "{}", bob).bodyAsJsonArray().size());
    JsonObject problem = assertProblem(server.postJson("/api/Todos/toggle", "{\"id\": " + id + "}", bob), 404);
    assertEquals("There is no todo with id " + id, problem.getString("detail"));
    assertProblem(server.postJson("/api/Todos/remove", "{\"id\": " + id + "}", bob), 404);
    JsonArray mine = call("/api/Todos/list", "{}").bodyAsJsonArray();
    assertEquals(1, mine.size());
    assertEquals(false, mine.getJsonObject(0).getBoolean("done"));
  }

  @Test
  void anonymousCallsAre401WithABearerChallenge() {
    HttpResponse<Buffer> response = server.postJson("/api/Todos/list", "{}");
    assertEquals("Sign in to use Todos.list", assertProblem(response, 401).getString("detail"));
    assertEquals("Bearer", response.getHeader("WWW-Authenticate"));
  }
}
