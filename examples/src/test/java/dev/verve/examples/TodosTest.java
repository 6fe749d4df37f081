package dev.verve.examples;

import dev.verve.client.VerveClient;
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

import java.util.List;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Todos functions: data objects in and out, and their errors, over HTTP and the Java client. */
@ExtendWith(NoBlockedThreads.class)
class TodosTest {

  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void addListToggleRemoveOverHttp() {
    HttpResponse<Buffer> added = server.postJson("/api/Todos/add", "{\"title\": \"Write tests\"}");
    assertEquals(200, added.statusCode());
    assertEquals(new JsonObject().put("id", 1).put("title", "Write tests").put("done", false), added.bodyAsJsonObject());

    HttpResponse<Buffer> toggled = server.postJson("/api/Todos/toggle", "{\"id\": 1}");
    assertEquals(true, toggled.bodyAsJsonObject().getBoolean("done"));

    JsonArray list = server.postJson("/api/Todos/list", "{}").bodyAsJsonArray();
    assertEquals(1, list.size());
    assertEquals("Write tests", list.getJsonObject(0).getString("title"));

    HttpResponse<Buffer> removed = server.postJson("/api/Todos/remove", "{\"id\": 1}");
    assertEquals(204, removed.statusCode());
    assertEquals(0, removed.body() == null ? 0 : removed.body().length());
    assertEquals(0, server.postJson("/api/Todos/list", "{}").bodyAsJsonArray().size());
  }

  @Test
  void anUnknownIdIs404WithTheFunctionsMessage() {
    JsonObject problem = assertProblem(server.postJson("/api/Todos/toggle", "{\"id\": 99}"), 404);
    assertEquals("There is no todo with id 99", problem.getString("detail"));
    assertProblem(server.postJson("/api/Todos/remove", "{\"id\": 99}"), 404);
  }

  @Test
  void anEmptyOrOverlongTitleIs400() {
    assertEquals("A todo needs a title",
      assertProblem(server.postJson("/api/Todos/add", "{\"title\": \"   \"}"), 400).getString("detail"));
    String title = "x".repeat(201);
    JsonObject problem = assertProblem(server.postJson("/api/Todos/add", "{\"title\": \"" + title + "\"}"), 400);
    assertTrue(problem.getString("detail").contains("at most 200"));
    assertEquals(200, server.postJson("/api/Todos/add", "{\"title\": \"" + "y".repeat(200) + "\"}").statusCode());
  }

  @Test
  void theJavaClientDecodesDataObjectsAndReportsFailuresAsServiceExceptions() {
    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port);
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
    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port);
    await(DesktopClient.run(client));
    assertEquals(1, server.postJson("/api/Todos/list", "{}").bodyAsJsonArray().size());
    client.close();
  }
}
